package bifrostconsole.app;

import bifrostconsole.api.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupOptionsTest {
    @Test
    void serverAndKeyComeFromTheCommandLineAndEnvironment() throws Exception {
        StartupOptions o = StartupOptions.parse(List.of("--server", "https://gw.example.com"),
                Map.of("BIFROST_API_KEY", "bfst-env", "BIFROST_URL", "https://other.example.com"));
        assertEquals("https://gw.example.com", o.serverUrl());
        assertEquals(Secret.of("bfst-env"), o.environmentKey());
        assertFalse(o.demo());
    }

    @Test
    void bifrostUrlIsUsedWhenNoServerIsGiven() throws Exception {
        assertEquals("https://env.example.com",
                StartupOptions.parse(List.of(), Map.of("BIFROST_URL", "https://env.example.com")).serverUrl());
        assertEquals("https://eq.example.com", StartupOptions.parse(List.of("--server=https://eq.example.com"), Map.of()).serverUrl());
    }

    @Test
    void demoAndSmokeTestOpenTheDemoWorkspace() throws Exception {
        assertTrue(StartupOptions.parse(List.of("--demo"), Map.of("BIFROST_URL", "https://x.example.com")).demo());
        StartupOptions smoke = StartupOptions.parse(List.of("--smoke-test"), Map.of());
        assertTrue(smoke.smokeTest());
        assertTrue(smoke.demo());
        assertNull(smoke.serverUrl());
    }

    @Test
    void mistakesAreNamed() {
        StartupOptions.UsageException e = assertThrows(StartupOptions.UsageException.class,
                () -> StartupOptions.parse(List.of("--sever", "x"), Map.of()));
        assertTrue(e.getMessage().contains("'--sever'"), e.getMessage());
        assertThrows(StartupOptions.UsageException.class, () -> StartupOptions.parse(List.of("--server"), Map.of()));
        assertThrows(StartupOptions.UsageException.class,
                () -> StartupOptions.parse(List.of("--demo", "--server", "http://x"), Map.of()));
    }
}
