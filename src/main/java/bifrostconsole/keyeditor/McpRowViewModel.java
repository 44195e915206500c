package bifrostconsole.keyeditor;

import bifrostconsole.api.McpClient;
import bifrostconsole.api.McpTool;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One MCP client in the key editor and which of its tools the key may run: all, none, or the ones ticked. */
public final class McpRowViewModel {

    public enum Tools { ALL, NONE, CHOSEN }

    /** One tool that may be ticked. */
    public static final class ToolChoice {
        private final String name;
        private final String description;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

        ToolChoice(String name, String description, boolean chosen) {
            this.name = name;
            this.description = description;
            this.chosen.set(chosen);
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private final Long id;
    private final String client;
    private final ObjectProperty<Tools> mode = new SimpleObjectProperty<>(this, "mode", Tools.ALL);
    private final ObservableList<ToolChoice> tools = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private Runnable onRemove = () -> { };

    McpRowViewModel(KeyDraft.McpDraft draft, boolean asNew) {
        this.id = asNew ? null : draft.id();
        this.client = draft.client();
        mode.set(draft.tools().contains("*") ? Tools.ALL : draft.tools().isEmpty() ? Tools.NONE : Tools.CHOSEN);
        if (!draft.tools().contains("*")) {
            for (String t : draft.tools()) {
                tools.add(watched(new ToolChoice(t, "", true)));
            }
        }
        mode.addListener(x -> changed());
        changed();
    }

    /** The client's tools from the gateway's MCP client list; a tool the client no longer has stays ticked. */
    void offer(McpClient known) {
        List<ToolChoice> merged = new ArrayList<>();
        for (McpTool t : known.tools()) {
            boolean chosen = tools.stream().anyMatch(c -> c.name().equals(t.name()) && c.chosenProperty().get());
            merged.add(watched(new ToolChoice(t.name(), t.description() == null ? "" : t.description(), chosen)));
        }
        for (ToolChoice c : tools) {
            if (merged.stream().noneMatch(m -> m.name().equals(c.name()))) {
                merged.add(watched(new ToolChoice(c.name(), "not offered by the client any more",
                        c.chosenProperty().get())));
            }
        }
        tools.setAll(merged);
        changed();
    }

    /** Marks the row when the gateway has no MCP client of that name (checked once the list is read). */
    void checkClient(List<String> known) {
        error.set(known.contains(client) ? null : "The gateway has no MCP client named \u201c" + client + "\u201d.");
        changed();
    }

    private ToolChoice watched(ToolChoice choice) {
        choice.chosenProperty().addListener(x -> changed());
        return choice;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    Optional<KeyDraft.McpDraft> draft() {
        if (error.get() != null) {
            return Optional.empty();
        }
        List<String> chosen = switch (mode.get()) {
            case ALL -> List.of("*");
            case NONE -> List.of();
            case CHOSEN -> tools.stream().filter(t -> t.chosenProperty().get()).map(ToolChoice::name).toList();
        };
        return Optional.of(new KeyDraft.McpDraft(id, client, chosen));
    }

    public void remove() {
        onRemove.run();
    }

    void setOnRemove(Runnable onRemove) {
        this.onRemove = onRemove;
    }

    public String client() {
        return client;
    }

    public ObjectProperty<Tools> modeProperty() {
        return mode;
    }

    public ObservableList<ToolChoice> tools() {
        return tools;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
