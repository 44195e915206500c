package bifrostconsole.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFeaturesTest {

    @Test
    void versionsGateWhatTheyShippedWith() {
        ServerFeatures v225 = ServerFeatures.of("v2.2.5");
        assertTrue(v225.quarterlyWindows());
        assertTrue(v225.allowAllProviders());
        assertTrue(v225.resetBudgetUsage());
        assertFalse(v225.keyMetadata(), "metadata shipped after v2.2.5");
        ServerFeatures v143 = ServerFeatures.of("v1.4.3");
        assertFalse(v143.allowAllProviders());
        assertFalse(v143.resetBudgetUsage());
        assertTrue(ServerFeatures.of("v2.2.6").keyMetadata());
        assertTrue(ServerFeatures.of("dev-build").keyMetadata(), "an unreadable version counts as the newest");
    }

    @Test
    void aServerSeenSendingMetadataHasIt() {
        assertTrue(ServerFeatures.of("v2.2.5").withKeyMetadataSeen(true).keyMetadata());
        assertFalse(ServerFeatures.of("v2.2.5").withKeyMetadataSeen(false).keyMetadata());
    }
}
