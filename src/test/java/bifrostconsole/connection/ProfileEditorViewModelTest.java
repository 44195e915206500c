package bifrostconsole.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileEditorViewModelTest {
    @TempDir
    Path dir;

    private ProfileEditorViewModel editor(ProfileService service) {
        return new ProfileEditorViewModel(service, new ConnectionTestViewModel(Runnable::run), Runnable::run, null);
    }

    @Test
    void theFormSaysWhatIsWrongInOneSentence() {
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("p.json")),
                InMemoryCredentialStore.pretendingPersistent())) {
            ProfileEditorViewModel editor = editor(service);
            assertTrue(editor.validationProperty().get().startsWith("Enter the server's address"));
            editor.urlProperty().set("ftp://files.example.com");
            assertEquals("The address must start with http:// or https://.", editor.validationProperty().get());
            editor.urlProperty().set("https://gw.example.com");
            editor.requestTimeoutProperty().set("ten");
            assertTrue(editor.validationProperty().get().contains("request timeout"));
            editor.requestTimeoutProperty().set("10");
            assertEquals("", editor.validationProperty().get());
            assertTrue(editor.canSaveProperty().get());
            assertEquals("gw.example.com", editor.draft().name(), "an empty name defaults to the host");
        }
    }

    @Test
    void anUnreadableCaFileFailsTheTestBeforeAnyRequest() throws Exception {
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("p.json")),
                InMemoryCredentialStore.pretendingPersistent())) {
            ProfileEditorViewModel editor = editor(service);
            editor.urlProperty().set("https://127.0.0.1:9");
            editor.caFileProperty().set(dir.resolve("missing-ca.pem").toString());
            assertFalse(editor.testConnection().get(10, TimeUnit.SECONDS));
            assertTrue(editor.test().summaryProperty().get().contains("does not exist"), editor.test().summaryProperty().get());
            assertEquals(ConnectionTestViewModel.StepState.SKIPPED, editor.test().steps().get(0).state());
        }
    }

    @Test
    void aKeyForPlainHttpToAnotherComputerNeedsConsentBeforeItIsTestedOrSaved() throws Exception {
        try (ProfileService service = new ProfileService(new ProfileStore(dir.resolve("p.json")),
                InMemoryCredentialStore.pretendingPersistent())) {
            ProfileEditorViewModel editor = editor(service);
            editor.urlProperty().set("http://gateway.example.com:8080");
            assertTrue(editor.plainHttpWarningVisible().get());
            assertTrue(editor.canSaveProperty().get(), "no key, nothing secret travels");
            editor.apiKeyProperty().set("bfst-clear");
            assertFalse(editor.apiKeyProperty().toString().contains("bfst-clear"), "the typed key never shows in toString");
            assertFalse(editor.canSaveProperty().get());
            assertFalse(editor.testConnection().get(10, TimeUnit.SECONDS));
            assertTrue(editor.test().summaryProperty().get().contains("confirm below"));
            editor.plainHttpConfirmedProperty().set(true);
            assertTrue(editor.canSaveProperty().get());
            assertTrue(editor.save().get(10, TimeUnit.SECONDS).plainHttpConfirmed());
        }
    }
}
