package bifrostconsole.keys;

import atlantafx.base.theme.PrimerLight;
import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Secret;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.config.UiSettings;
import bifrostconsole.demo.DemoDataGenerator;
import bifrostconsole.demo.DemoGateway;
import bifrostconsole.testing.TestServices;
import bifrostconsole.ui.Formats;
import bifrostconsole.ui.Stylesheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does paging through the key table keep the window responsive? Pages through a demo gateway with 25- and
 * 100-key pages while a heartbeat measures how long the FX thread takes to pick up a queued task (its stall),
 * next to the same heartbeat while idle, and times building a page's rows off the FX thread.
 * Run: {@code mvn -Pbench test-compile exec:java -Dexec.mainClass=bifrostconsole.keys.KeyPageBench}.
 */
public final class KeyPageBench {
    private static final int PAGES = 20;

    public static void main(String[] args) throws Exception {
        headless();
        Instant now = Instant.now();
        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(DemoDataGenerator.generate(11, 5000, now)))) {
            ManagementApiClient client = new ManagementApiClient(ConnectionSettings.of(gateway.baseUrl(), Secret.of("")));
            rowBuilding(client);

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            KeyBrowserViewModel vm = onFx(() -> {
                KeyBrowserViewModel model = TestServices.keyBrowser(client, UiSettings.inMemory());
                Stage stage = new Stage();
                KeyBrowserView view = new KeyBrowserView(model);
                Scene scene = new Scene(view, 1280, 800);
                Stylesheets.apply(scene);
                stage.setScene(scene);
                stage.show();
                view.table().requestFocus(); // no blinking caret in the search box
                return model;
            });
            vm.firstPageShown().get(20, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the first frames settle before measuring

            // Stalls on a shared machine include waiting for a core: the load average says how busy it was.
            java.nio.file.Path loadavg = java.nio.file.Path.of("/proc/loadavg");
            if (java.nio.file.Files.exists(loadavg)) {
                System.out.println("Load average (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors()
                        + " cores: " + java.nio.file.Files.readString(loadavg).trim());
            }
            System.out.printf("%-28s %10s %10s %10s %14s%n", "FX thread stall (ms)", "p50", "p99", "max",
                    "page shown ms");
            report("idle, no paging", heartbeat(() -> Thread.sleep(3000)), Double.NaN);
            for (int size : new int[]{100, 25}) {
                onFx(() -> {
                    vm.pageSizeProperty().set(size);
                    return null;
                });
                waitForPages(vm, vm.loadedPageCountProperty().get() + 1);
                double[] pageMs = new double[1];
                List<Double> stalls = heartbeat(() -> pageMs[0] = pageThrough(vm));
                report(size + "-key pages x" + PAGES, stalls, pageMs[0]);
            }
            Platform.exit();
        }
    }

    private static void rowBuilding(ManagementApiClient client) {
        List<VirtualKey> keys = client.listVirtualKeys(VirtualKeyQuery.firstPage(100)).join().items();
        Formats formats = Formats.system();
        for (int i = 0; i < 200; i++) {
            build(keys, formats);
        }
        int rounds = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            build(keys, formats);
        }
        double perPage = (System.nanoTime() - t0) / 1e6 / rounds;
        System.out.printf("Building the rows of a 100-key page (off the FX thread): %.3f ms per page%n", perPage);
    }

    private static int build(List<VirtualKey> keys, Formats formats) {
        int n = 0;
        Instant now = Instant.now();
        for (VirtualKey k : keys) {
            n += KeyRow.of(k, formats, now).budgets().size();
        }
        return n;
    }

    /** Pages forward PAGES times; returns the mean time from the click to the page on screen. */
    private static double pageThrough(KeyBrowserViewModel vm) throws Exception {
        double total = 0;
        for (int i = 0; i < PAGES; i++) {
            int target = vm.loadedPageCountProperty().get() + 1;
            long t0 = System.nanoTime();
            Platform.runLater(vm::nextPage);
            waitForPages(vm, target);
            total += (System.nanoTime() - t0) / 1e6;
        }
        return total / PAGES;
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work while a task is queued on the FX thread every 5 ms; returns each task's wait in ms. */
    private static List<Double> heartbeat(Work work) throws Exception {
        List<Double> waits = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            long queued = System.nanoTime();
            Platform.runLater(() -> waits.add((System.nanoTime() - queued) / 1e6));
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            timer.shutdownNow();
        }
        Thread.sleep(200);
        return new ArrayList<>(waits);
    }

    private static void report(String label, List<Double> waits, double pageMs) {
        Collections.sort(waits);
        double p50 = waits.get(waits.size() / 2);
        double p99 = waits.get(Math.min(waits.size() - 1, (int) (waits.size() * 0.99)));
        double max = waits.get(waits.size() - 1);
        System.out.printf("%-28s %10.1f %10.1f %10.1f %14s%n", label, p50, p99, max,
                Double.isNaN(pageMs) ? "-" : String.format("%.1f", pageMs));
    }

    private static void waitForPages(KeyBrowserViewModel vm, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (vm.loadedPageCountProperty().get() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the page did not arrive within 20 s");
            }
            Thread.sleep(1);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}
