package bifrostconsole.keydetail;

import javafx.scene.layout.VBox;

/** The MCP servers this key may use: connection, stdio command, TLS, tools allowed and auto-executed, pricing. */
final class McpClientsPane extends VBox {
    McpClientsPane() {
        getStyleClass().add("detail-pane");
        setId("mcp-pane");
    }

    void show(KeyDetails d) {
        getChildren().clear();
        if (d.mcpNote() != null) {
            getChildren().add(DetailParts.note(d.mcpNote()));
        }
        for (KeyDetails.McpCard m : d.mcpClients()) {
            VBox card = DetailParts.card(DetailParts.cardTitle(m.name(),
                            DetailParts.tag(m.connectionType(), null, "How the gateway talks to this MCP server."),
                            m.disabled() ? DetailParts.tag("Disabled", "off", "The server is switched off on the gateway.")
                                    : DetailParts.tag("Enabled", "on", null)),
                    DetailParts.fields(m.fields()));
            getChildren().add(card);
        }
    }
}
