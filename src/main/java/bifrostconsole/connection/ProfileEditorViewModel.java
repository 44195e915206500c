package bifrostconsole.connection;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.Secret;
import bifrostconsole.messages.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Adding or editing one profile: the fields, their validation, the warnings (plain http to a remote host,
 * TLS verification off), where the key will be kept, "Test connection" and "Save". The key field starts
 * empty when editing; left empty, the stored key is kept (and used by Test connection).
 */
public final class ProfileEditorViewModel {
    private final ProfileService profiles;
    private final Executor uiExecutor;
    private final ConnectionProfile original;
    private final boolean editing;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("") {
        @Override
        public String toString() {
            return "StringProperty[api key ****]";
        }
    };
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty skipTlsVerification = new SimpleBooleanProperty(false);
    private final StringProperty connectTimeout = new SimpleStringProperty("");
    private final StringProperty requestTimeout = new SimpleStringProperty("");
    private final BooleanProperty plainHttpConfirmed = new SimpleBooleanProperty(false);

    private final ReadOnlyStringWrapper keyStorageNote = new ReadOnlyStringWrapper("Checking the credential store\u2026");
    private final ReadOnlyBooleanWrapper keyPersistent = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final StringBinding validation;
    private final BooleanBinding plainHttpWarningVisible;
    private final BooleanBinding canSave;
    private final ConnectionTestViewModel test;
    /** Counts "Test connection" clicks, so a slow preparation of an older click is not shown after a newer one. */
    private long testRuns;

    public ProfileEditorViewModel(ProfileService profiles, ConnectionTestViewModel test, Executor uiExecutor,
                                  ConnectionProfile existing) {
        this.profiles = profiles;
        this.test = test;
        this.uiExecutor = uiExecutor;
        this.editing = existing != null;
        this.original = existing != null ? existing : ConnectionProfile.create("", "");
        if (existing != null) {
            name.set(existing.name());
            url.set(existing.baseUrl());
            caFile.set(existing.caCertificateFile() == null ? "" : existing.caCertificateFile());
            skipTlsVerification.set(existing.skipTlsVerification());
            connectTimeout.set(existing.connectTimeoutSeconds() == null ? "" : existing.connectTimeoutSeconds().toString());
            requestTimeout.set(existing.requestTimeoutSeconds() == null ? "" : existing.requestTimeoutSeconds().toString());
            plainHttpConfirmed.set(existing.plainHttpConfirmed());
        }
        validation = Bindings.createStringBinding(this::validate, name, url, caFile, connectTimeout, requestTimeout);
        plainHttpWarningVisible = Bindings.createBooleanBinding(() -> draft().sendsKeyInClear(), url);
        // Plain http needs consent only when a key would be sent: a typed one, or a stored one when editing.
        canSave = Bindings.createBooleanBinding(() -> validate().isEmpty()
                        && (!plainHttpWarningVisible.get() || plainHttpConfirmed.get()
                        || !editing && Secret.of(apiKey.get()) == null) && !saving.get(),
                validation, plainHttpWarningVisible, plainHttpConfirmed, saving, apiKey);
        // A result is about the settings it tested: when they change, it no longer applies.
        for (ObservableValue<?> field : new ObservableValue<?>[]{url, apiKey, caFile, skipTlsVerification,
                connectTimeout, requestTimeout}) {
            field.addListener((obs, was, now) -> test.reset());
        }
        profiles.credentialAvailability().thenAcceptAsync(a -> {
            keyPersistent.set(a.persistent());
            keyStorageNote.set(a.persistent()
                    ? "The key is kept in " + a.description() + ", never in the profile file."
                    : a.description());
        }, uiExecutor);
    }

    public boolean editing() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** What the user typed; empty while editing means "keep the stored key". */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty skipTlsVerificationProperty() {
        return skipTlsVerification;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public StringProperty requestTimeoutProperty() {
        return requestTimeout;
    }

    public BooleanProperty plainHttpConfirmedProperty() {
        return plainHttpConfirmed;
    }

    public BooleanBinding plainHttpWarningVisible() {
        return plainHttpWarningVisible;
    }

    public String plainHttpWarning() {
        return "This address uses plain http:// to another computer: the management API key would cross the"
                + " network unencrypted. Prefer https://.";
    }

    public ReadOnlyStringProperty keyStorageNoteProperty() {
        return keyStorageNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keyPersistentProperty() {
        return keyPersistent.getReadOnlyProperty();
    }

    public String keyPrompt() {
        return editing ? "Leave empty to keep the stored key" : "Management API key (bfst-\u2026), if the server needs one";
    }

    /** Empty when the form is valid, else the first problem in one sentence. */
    public StringBinding validationProperty() {
        return validation;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ConnectionTestViewModel test() {
        return test;
    }

    /** The profile as the form describes it now. */
    public ConnectionProfile draft() {
        return new ConnectionProfile(original.id(), name.get(), url.get(), caFile.get(), skipTlsVerification.get(),
                seconds(connectTimeout.get()), seconds(requestTimeout.get()), plainHttpConfirmed.get());
    }

    /** Runs the three checks with what is in the form (the stored key when the key field is empty). */
    public CompletableFuture<Boolean> testConnection() {
        String problem = validate();
        if (!problem.isEmpty()) {
            test.failBeforeStart(problem);
            return CompletableFuture.completedFuture(false);
        }
        if (plainHttpWarningVisible.get() && !plainHttpConfirmed.get() && Secret.of(apiKey.get()) != null) {
            test.failBeforeStart("Not tested: confirm below that the key may be sent over plain http, or use https://.");
            return CompletableFuture.completedFuture(false);
        }
        ConnectionProfile profile = draft();
        long run = ++testRuns;
        return keyForTest()
                .thenCompose(key -> profiles.settingsFor(profile, key))
                .handleAsync((settings, failure) -> {
                    if (run != testRuns) {
                        return CompletableFuture.completedFuture(false);
                    }
                    if (failure != null) {
                        test.failBeforeStart(UserMessages.of(failure));
                        return CompletableFuture.completedFuture(false);
                    }
                    return test.run(settings);
                }, uiExecutor)
                .thenCompose(result -> result);
    }

    /** Saves the profile and, if one was typed, its key. Completes with the saved profile. */
    public CompletableFuture<ConnectionProfile> save() {
        String problem = validate();
        if (!problem.isEmpty()) {
            saveError.set(problem);
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        }
        ConnectionProfile profile = draft();
        saving.set(true);
        saveError.set("");
        return profiles.save(profile, Optional.ofNullable(Secret.of(apiKey.get())))
                .handleAsync((saved, failure) -> {
                    saving.set(false);
                    if (failure != null) {
                        saveError.set(UserMessages.of(failure));
                        throw new java.util.concurrent.CompletionException(UserMessages.unwrap(failure));
                    }
                    apiKey.set("");
                    return profile;
                }, uiExecutor);
    }

    private CompletableFuture<Optional<Secret>> keyForTest() {
        Secret typed = Secret.of(apiKey.get());
        if (typed != null || !editing) {
            return CompletableFuture.completedFuture(Optional.ofNullable(typed));
        }
        return profiles.readKey(original.id()).exceptionally(e -> Optional.empty());
    }

    private String validate() {
        if (url.get() == null || url.get().isBlank()) {
            return "Enter the server's address, e.g. https://bifrost.example.com or http://localhost:8080.";
        }
        try {
            ConnectionSettings.of(url.get(), null);
            String scheme = ConnectionSettings.of(url.get(), null).baseUrl().getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return "The address must start with http:// or https://.";
            }
        } catch (IllegalArgumentException e) {
            return "'" + url.get().strip() + "' is not a server address: use e.g. https://bifrost.example.com.";
        }
        if (!connectTimeout.get().isBlank() && seconds(connectTimeout.get()) == null) {
            return "The connect timeout must be a whole number of seconds between 1 and 600.";
        }
        if (!requestTimeout.get().isBlank() && seconds(requestTimeout.get()) == null) {
            return "The request timeout must be a whole number of seconds between 1 and 600.";
        }
        if (!skipTlsVerification.get() && !caFile.get().isBlank()
                && !url.get().strip().toLowerCase().startsWith("https")) {
            return "A CA certificate only applies to https:// addresses: change the address or clear the CA file.";
        }
        return "";
    }

    private static Integer seconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= 600 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
