package bifrostconsole.messages;

import bifrostconsole.messages.HttpFailureWording.Worded;
import bifrostconsole.messages.ServerFailure.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wording on its own, for the cases an HTTP round trip makes awkward to reach; the round trips themselves are
 * in {@code ManagementApiClientFailureTest}.
 */
class HttpFailureWordingTest {
    private static final String SERVER = "https://gw.example:8443";
    private final HttpFailureWording withKey = wording(true);
    private final HttpFailureWording withoutKey = wording(false);

    private static HttpFailureWording wording(boolean hasKey) {
        return new HttpFailureWording(SERVER, URI.create(SERVER), Duration.ofMillis(300), Duration.ofSeconds(30),
                hasKey);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aForbiddenCallNamesThePermissionTheServerNamedElseTheOneTheRouteNeeds() {
        Worded named = withKey.httpError("/api/governance/teams", 403,
                bytes("{\"error\":{\"message\":\"missing Teams:Update\"}}"));
        assertEquals(Kind.FORBIDDEN, named.kind());
        assertEquals(SERVER + " accepted the key but it lacks the Teams:Update permission (403 Forbidden): ask an"
                + " admin to grant it to this API key.", named.sentence());
        assertEquals("missing Teams:Update", named.serverMessage());

        Worded unnamed = withKey.httpError("/api/providers/openai/keys", 403, bytes("{\"error\":\"no\"}"));
        assertTrue(unnamed.sentence().contains("lacks the permission for this (ModelProvider:View)"),
                unnamed.sentence());
    }

    @Test
    void a401SaysEnterTheKeyWhenNoneWasSentAndTheRightKeyWhenOneWas() {
        assertTrue(withoutKey.httpError("/api/governance/virtual-keys", 401, bytes(""))
                .sentence().contains("requires a management API key"));
        Worded refused = withKey.httpError("/api/governance/virtual-keys", 401, bytes(""));
        assertEquals(Kind.UNAUTHORIZED, refused.kind());
        assertTrue(refused.sentence().contains("refused the management API key"), refused.sentence());
    }

    @Test
    void aBareNotFoundIsAnotherServiceButBifrostsOwnIsAMissingItem() {
        assertEquals(Kind.NOT_BIFROST, withKey.httpError("/api/version", 404, bytes("404 page not found")).kind());
        Worded missing = withKey.httpError("/api/governance/virtual-keys/vk-9", 404,
                bytes("{\"is_bifrost_error\":false,\"error\":{\"message\":\"virtual key not found\"}}"));
        assertEquals(Kind.NOT_FOUND, missing.kind());
        assertEquals(SERVER + " has no such item (virtual key not found): it may have been deleted; refresh the"
                + " list.", missing.sentence());
    }

    @Test
    void timeoutsNameTheLimitAndSubSecondOnesKeepTheirFraction() {
        assertEquals(SERVER + " did not accept a connection within 0.3 s: check the address and that the server is"
                + " up.", withKey.transportFailure(new HttpConnectTimeoutException("x")).sentence());
        Worded answer = withKey.transportFailure(new HttpTimeoutException("x"));
        assertEquals(Kind.TIMEOUT, answer.kind());
        assertTrue(answer.sentence().contains("did not answer within 30 s"), answer.sentence());
        assertEquals(0, answer.status());
    }

    @Test
    void aCancelledCallAndAnUnknownFailureEachHaveTheirSentence() {
        assertEquals(Kind.CANCELLED, withKey.transportFailure(new CancellationException()).kind());
        Worded odd = withKey.transportFailure(new IllegalStateException("boom"));
        assertEquals(Kind.NETWORK, odd.kind());
        assertEquals("The connection to " + SERVER + " failed (IllegalStateException): check the network and retry.",
                odd.sentence());
    }

    @Test
    void aCutOffAnswerIsToldApartFromAnUnreadableOne() {
        assertTrue(withKey.parseFailure(new IOException("Unexpected end-of-input")).sentence().contains("cut off"));
        assertTrue(withKey.parseFailure(new IOException("Unrecognized token 'x'\n at line 1"))
                .sentence().contains("cannot read (Unrecognized token 'x'): check that the server is a supported"));
    }

    @Test
    void theServersOwnMessageIsItsFirstLineAndHtmlHasNone() {
        assertEquals("first", HttpFailureWording.errorMessage(bytes("{\"message\":\"first\\nsecond\"}")));
        assertNull(HttpFailureWording.errorMessage(bytes("  <html>{\"message\":\"x\"}</html>")));
        assertTrue(HttpFailureWording.looksLikeHtml(bytes("\n <!DOCTYPE html>")));
        assertNull(HttpFailureWording.permissionIn("permission denied"));
    }

    @Test
    void aRefusedWriteSaysNothingWasChanged() {
        Worded forbidden = withKey.writeRefused("PUT", "/api/governance/teams/t1", "Teams:Update", 403,
                bytes("{\"error\":{\"message\":\"forbidden\"}}"));
        assertEquals(SERVER + " accepted the key but it lacks the Teams:Update permission (403 Forbidden): ask an"
                + " admin to grant it to this API key; nothing was changed.", forbidden.sentence());
        Worded invalid = withKey.writeRefused("POST", "/api/governance/virtual-keys", "VirtualKeys:Create", 400,
                bytes("{\"error\":{\"message\":\"name is required\"}}"));
        assertEquals(Kind.BAD_REQUEST, invalid.kind());
        assertEquals(SERVER + " refused the change (name is required); nothing was changed.", invalid.sentence());
        Worded noRoute = withKey.writeRefused("DELETE", "/api/governance/teams/t1", "Teams:Delete", 405,
                bytes("405 method not allowed"));
        assertEquals(Kind.NOT_BIFROST, noRoute.kind());
        assertTrue(noRoute.sentence().contains("has no route for DELETE /api/governance/teams/t1 (HTTP 405)"),
                noRoute.sentence());
        assertEquals(Kind.SERVER_ERROR, withKey.writeRefused("PUT", "/api/x", "X:Update", 500, bytes("")).kind(),
                "the rest reads as for a read");
    }

    @Test
    void aWriteWithoutAnswerMayHaveBeenAppliedUnlessItNeverLeft() {
        Worded timedOut = withKey.writeWithoutAnswer(new HttpTimeoutException("x"));
        assertEquals(Kind.TIMEOUT, timedOut.kind());
        assertEquals(SERVER + " did not answer within 30 s, so the change may or may not have been made: refresh to"
                + " see before trying again.", timedOut.sentence());
        Worded neverLeft = withKey.writeWithoutAnswer(new HttpConnectTimeoutException("x"));
        assertEquals(withKey.transportFailure(new HttpConnectTimeoutException("x")), neverLeft);
        Worded refused = withKey.writeWithoutAnswer(new java.net.ConnectException("refused"));
        assertEquals(Kind.CONNECTION_REFUSED, refused.kind());
        assertTrue(refused.sentence().startsWith("Nothing is listening on port 8443"), refused.sentence());
    }
}
