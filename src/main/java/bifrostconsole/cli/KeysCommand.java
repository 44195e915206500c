package bifrostconsole.cli;

import bifrostconsole.api.ApiException;
import bifrostconsole.api.Customer;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.Page;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.changes.ChangeEngine;
import bifrostconsole.changes.ChangeRun;
import bifrostconsole.changes.KeyChange;
import bifrostconsole.changes.KeyOutcome;
import bifrostconsole.changes.KeyPlan;
import bifrostconsole.changes.KeySelection;
import bifrostconsole.changes.RunResult;
import bifrostconsole.config.ConfigFolder;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.threads.BackgroundThreads;

import java.io.BufferedReader;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code keys}: act on virtual keys from a terminal or a script, with the same engine and guards as the window
 * ({@link ChangeEngine}): every change planned against the key as read, re-read just before sending and refused if
 * it changed, sent as the smallest request, never retried, and appended to History.
 */
public final class KeysCommand extends CommandGroup {
    static final int SOME_KEYS_FAILED = 6;
    /** Plans printed before asking; a run over thousands of keys shows the first ones. */
    private static final int PLANS_SHOWN = 20;

    static final String HELP_TEXT = """
            usage: bifrost-console keys disable|enable|rotate|delete ID... [--server URL] [--dry-run] [--yes]
                   bifrost-console keys disable|enable|rotate|delete --team T | --customer C | --search S
                                                                     [--dry-run] [--yes]
                   bifrost-console keys reset-usage ID... [--window 1d]
                   bifrost-console keys set-budget ID --window 1M --limit 500 [--reset-usage]
                   bifrost-console keys remove-budget ID --window 1M
                   bifrost-console keys set-rate-limit ID [--tokens 100000/1h] [--requests 600/1m] | --none
                   bifrost-console keys assign ID... --team T | --customer C | --none
                   bifrost-console keys override ID --window 1M --amount 100 (--cycles 2 | --forever) | --remove

            Changes virtual keys. Each key is read, the change is planned against it, and just before the request
            the key is read again: if it changed on the server meanwhile, nothing is sent to it. Only the fields
            the change needs are sent; provider configs, models and key access are never touched. Every change
            is appended to the console's History. Writes are never retried.

            """ + ServerOptions.HELP + """
              --dry-run            print, for each key, the change in words and the exact request; send nothing
              --yes                do not ask: needed for a change to more than one key, or any delete, when
                                   there is no terminal to ask on
              --team T, --customer C, --search S
                                   (disable, enable, rotate, delete) every key of team T, of customer C, or
                                   whose name contains S; T and C are ids or exact names
              --window W           a budget's reset window: 1h, 1d, 1w, 1M (30 days), 1Y...
              --limit DOLLARS      the budget's limit in US dollars
              --reset-usage        also reset usage (Bifrost resets every budget of the request, so all of them)
              --tokens N/W, --requests N/W
                                   the token or request limit per window (none removes it); the one not
                                   given stays as it is
              --none               (set-rate-limit) remove the rate limit; (assign) no team and no customer
              --amount DOLLARS     (override) extra dollars on top of the budget's limit
              --cycles N, --forever
                                   (override) for N windows, the current one included, or until removed
              --remove             (override) remove the budget's override

            rotate prints one line per key on standard output, ID<TAB>VALUE, and nothing else there: treat it as
            a secret. Progress, results and failures go to standard error.

            Exit codes: 0 done, 2 usage error (or confirmation needed and no terminal), 3 authentication or
            permission refused, 4 server unreachable, 5 server error, 6 some keys failed or were skipped (each
            listed on standard error with its reason).
            """;

    private static final List<String> VERBS = List.of("disable", "enable", "rotate", "delete", "reset-usage",
            "set-budget", "remove-budget", "set-rate-limit", "assign", "override");
    private static final Set<String> SELECTING = Set.of("disable", "enable", "rotate", "delete");

    /** Asks the person at the terminal; absent when there is none (a script, a pipe, CI). */
    interface Prompt {
        /** True when a person can answer. */
        boolean available();

        /** Shows {@code question} and returns the answer line, or null at end of input. */
        String ask(String question);

        /** The process's own terminal, through {@link System#console()}. */
        static Prompt system() {
            return new Prompt() {
                @Override
                public boolean available() {
                    return System.console() != null;
                }

                @Override
                public String ask(String question) {
                    Console console = System.console();
                    return console == null ? null : console.readLine("%s", question);
                }
            };
        }

        /** Answers read from a stream (tests), shown as a terminal would. */
        static Prompt answering(BufferedReader answers) {
            return new Prompt() {
                @Override
                public boolean available() {
                    return true;
                }

                @Override
                public String ask(String question) {
                    try {
                        return answers.readLine();
                    } catch (java.io.IOException e) {
                        return null;
                    }
                }
            };
        }
    }

    private final Prompt prompt;
    private final Supplier<Path> dataFolder;
    private final List<Action> actions;

    public KeysCommand() {
        this(ServerOptions.fromConfigFolder(), Prompt.system(), CommandSkeleton.STDERR_IS_TERMINAL,
                ConfigFolder::resolve);
    }

    KeysCommand(ServerOptions servers, Prompt prompt, BooleanSupplier stderrIsTerminal, Supplier<Path> dataFolder) {
        super("keys", "disable, enable, rotate, delete keys, reset usage, set budgets, limits, owners, overrides",
                HELP_TEXT);
        this.prompt = prompt;
        this.dataFolder = dataFolder;
        this.actions = VERBS.stream().map(verb -> new Action(verb, servers, stderrIsTerminal)).toList();
    }

    @Override
    protected List<Action> actions() {
        return actions;
    }

    /** What one invocation asks for, parsed and checked before the server is contacted. */
    private record Request(String verb, List<String> ids, VirtualKeyQuery selection, String teamRef,
                           String customerRef, KeyChange change, boolean dryRun, boolean yes) {
    }

    /** One verb ({@code keys disable}...) on the command skeleton: its own options, the shared help text. */
    private final class Action extends CommandSkeleton {
        private final String verb;

        Action(String verb, ServerOptions servers, BooleanSupplier stderrIsTerminal) {
            super(spec(verb), servers, stderrIsTerminal);
            this.verb = verb;
        }

        @Override
        protected int execute(CommandArguments a, CommandRun run) throws Exception {
            Request request;
            try {
                request = request(verb, a);
            } catch (IllegalArgumentException e) {
                throw new CommandArguments.UsageException(e.getMessage()); // a window or limit Bifrost would refuse
            }
            ManagementApiClient client = new ManagementApiClient(run.server());
            ExecutorService io = Executors.newSingleThreadExecutor(BackgroundThreads.named("keys-io"));
            try {
                return KeysCommand.this.execute(request, client, ChangeEngine.inDataFolder(client, dataFolder.get(), io),
                        run);
            } finally {
                io.shutdown();
            }
        }
    }

    // ---- parsing -------------------------------------------------------------------------------------------

    /** The options of one verb. */
    private static CommandSkeleton.Spec spec(String verb) {
        List<String> values = new ArrayList<>(List.of(ServerOptions.OPTION));
        List<String> flags = new ArrayList<>(List.of("--dry-run", "--yes"));
        switch (verb) {
            case "disable", "enable", "rotate", "delete" -> values.addAll(List.of("--team", "--customer", "--search"));
            case "reset-usage", "remove-budget" -> values.add("--window");
            case "set-budget" -> {
                values.addAll(List.of("--window", "--limit"));
                flags.add("--reset-usage");
            }
            case "set-rate-limit" -> {
                values.addAll(List.of("--tokens", "--requests"));
                flags.add("--none");
            }
            case "assign" -> {
                values.addAll(List.of("--team", "--customer"));
                flags.add("--none");
            }
            case "override" -> {
                values.addAll(List.of("--window", "--amount", "--cycles"));
                flags.addAll(List.of("--forever", "--remove"));
            }
            default -> throw new IllegalStateException(verb);
        }
        return CommandSkeleton.Spec.of("keys " + verb, verb, HELP_TEXT).withPositionals()
                .options(values.toArray(String[]::new)).flags(flags.toArray(String[]::new));
    }

    private static Request request(String verb, CommandArguments a) throws CommandArguments.UsageException {
        List<String> ids = a.positionals();
        VirtualKeyQuery selection = null;
        String teamRef = null;
        String customerRef = null;
        if (SELECTING.contains(verb)) {
            int sources = (ids.isEmpty() ? 0 : 1) + count(a, "--team", "--customer", "--search");
            if (sources != 1) {
                throw new CommandArguments.UsageException(verb + " takes key ids, or one of --team, --customer and"
                        + " --search");
            }
            if (ids.isEmpty()) {
                selection = VirtualKeyQuery.all().withSearch(a.value("--search"));
                teamRef = a.value("--team");
                customerRef = a.value("--customer");
            }
        } else if (ids.isEmpty()) {
            throw new CommandArguments.UsageException(verb + " needs the id of a key");
        } else if (!verb.equals("reset-usage") && !verb.equals("assign") && ids.size() > 1) {
            throw new CommandArguments.UsageException(verb + " takes one key id, not " + ids.size());
        }
        KeyChange change = change(verb, a);
        if (verb.equals("assign")) {
            teamRef = a.value("--team");
            customerRef = a.value("--customer");
        }
        return new Request(verb, ids, selection, teamRef, customerRef, change, a.flag("--dry-run"), a.flag("--yes"));
    }

    private static int count(CommandArguments a, String... options) {
        int n = 0;
        for (String o : options) {
            n += a.value(o) != null || a.flag(o) ? 1 : 0;
        }
        return n;
    }

    /** The change asked for; assign's owner is filled in once the team or customer is found. */
    private static KeyChange change(String verb, CommandArguments a) throws CommandArguments.UsageException {
        return switch (verb) {
            case "disable" -> KeyChange.disable();
            case "enable" -> KeyChange.enable();
            case "rotate" -> KeyChange.rotate();
            case "delete" -> KeyChange.delete();
            case "reset-usage" -> new KeyChange.ResetUsage(a.value("--window"));
            case "set-budget" -> new KeyChange.SetBudget(required(a, "--window"), dollars(a, "--limit"),
                    a.flag("--reset-usage"));
            case "remove-budget" -> new KeyChange.RemoveBudget(required(a, "--window"));
            case "set-rate-limit" -> {
                boolean none = a.flag("--none");
                if (none == (a.value("--tokens") != null || a.value("--requests") != null)) {
                    throw new CommandArguments.UsageException("set-rate-limit takes --tokens and/or --requests, or"
                            + " --none");
                }
                yield none ? new KeyChange.SetRateLimit(KeyChange.Limit.NONE, KeyChange.Limit.NONE)
                        : new KeyChange.SetRateLimit(limit(a, "--tokens"), limit(a, "--requests"));
            }
            case "assign" -> {
                if (count(a, "--team", "--customer", "--none") != 1) {
                    throw new CommandArguments.UsageException("assign takes one of --team, --customer and --none");
                }
                yield new KeyChange.Assign(KeyChange.OwnerKind.NONE, null, null);
            }
            case "override" -> {
                String window = required(a, "--window");
                if (a.flag("--remove")) {
                    if (count(a, "--amount", "--cycles", "--forever") > 0) {
                        throw new CommandArguments.UsageException("--remove takes no --amount, --cycles or --forever");
                    }
                    yield new KeyChange.RemoveBudgetOverride(window);
                }
                if (count(a, "--cycles", "--forever") != 1) {
                    throw new CommandArguments.UsageException("override needs --amount with --cycles N or --forever"
                            + " (or --remove)");
                }
                Integer cycles = a.flag("--forever") ? null : a.intValue("--cycles", 1, 10_000, 1);
                yield new KeyChange.SetBudgetOverride(window, dollars(a, "--amount"), cycles);
            }
            default -> throw new IllegalStateException(verb);
        };
    }

    private static String required(CommandArguments a, String option) throws CommandArguments.UsageException {
        String v = a.value(option);
        if (v == null || v.isBlank()) {
            throw new CommandArguments.UsageException(option + " is required");
        }
        return v;
    }

    private static double dollars(CommandArguments a, String option) throws CommandArguments.UsageException {
        String v = required(a, option);
        try {
            return Double.parseDouble(v.strip().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CommandArguments.UsageException(option + " must be an amount in dollars, not '" + v + "'");
        }
    }

    private static KeyChange.Limit limit(CommandArguments a, String option) {
        String v = a.value(option);
        return v == null ? null : KeyChange.Limit.parse(v);
    }

    // ---- running ------------------------------------------------------------------------------------------

    private int execute(Request r, ManagementApiClient client, ChangeEngine engine, CommandRun cli) throws Exception {
        PrintStream out = cli.out();
        PrintStream err = cli.err();
        KeyChange change = r.change();
        if (r.verb().equals("assign")) {
            change = r.teamRef() != null ? teamOwner(client, r.teamRef())
                    : r.customerRef() != null ? customerOwner(client, r.customerRef()) : change;
        }
        List<VirtualKey> keys = keysOf(r, client);
        if (keys.isEmpty()) {
            err.println("keys: no key matches; nothing to do.");
            return OK;
        }
        List<KeyPlan> plans = engine.plan(keys, change);
        long ready = plans.stream().filter(KeyPlan::ready).count();
        if (r.dryRun()) {
            plans.forEach(p -> out.print(p.describe()));
            err.println("keys: dry run on " + client.displayName() + ": " + ready + " of " + plans.size()
                    + (plans.size() == 1 ? " key" : " keys") + " would change; nothing was sent.");
            return OK;
        }
        if (ready > 0 && !r.yes() && (ready > 1 || change instanceof KeyChange.Delete)) {
            Integer refused = confirm(change, plans, ready, client.displayName(), err);
            if (refused != null) {
                return refused;
            }
        }
        ProgressListener progress = plans.size() > 1 ? cli.progress(change.label()) : ProgressListener.NONE;
        ChangeRun run = engine.start(plans, (outcome, finished, total) -> progress.progress(finished, total),
                Runnable::run);
        CompletableFuture<RunResult> watched = run.result().thenApply(x -> x);
        watched.whenComplete((v, f) -> {
            if (watched.isCancelled()) {
                run.cancel(); // Ctrl+C: send no further key; the ones in flight finish
            }
        });
        RunResult result;
        try {
            result = cli.cancellation().await(watched);
        } catch (CancellationException e) {
            run.cancel();
            result = run.result().get(60, TimeUnit.SECONDS);
        }
        cli.endProgress();
        return report(change, result, out, err);
    }

    private List<VirtualKey> keysOf(Request r, ManagementApiClient client) throws Exception {
        if (r.selection() != null) {
            VirtualKeyQuery query = r.selection();
            if (r.teamRef() != null) {
                query = query.withTeamId(teamOwner(client, r.teamRef()).id());
            }
            if (r.customerRef() != null) {
                query = query.withCustomerId(customerOwner(client, r.customerRef()).id());
            }
            return KeySelection.allMatching(client, query).get(5, TimeUnit.MINUTES);
        }
        List<VirtualKey> keys = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(r.ids())) {
            try {
                keys.add(client.getVirtualKey(id).get(2, TimeUnit.MINUTES));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof ApiException api && api.kind() == ApiException.Kind.NOT_FOUND) {
                    throw new CommandArguments.UsageException("no key with id " + id + " on " + client.displayName()
                            + "; nothing was changed");
                }
                throw e;
            }
        }
        return keys;
    }

    private static KeyChange.Assign teamOwner(ManagementApiClient client, String ref) throws Exception {
        Team team = findOwner(ref, "team", () -> client.getTeam(ref),
                () -> client.listTeams(ListQuery.firstPage(100).withSearch(ref)), Team::name);
        return new KeyChange.Assign(KeyChange.OwnerKind.TEAM, team.id(), team.name());
    }

    private static KeyChange.Assign customerOwner(ManagementApiClient client, String ref) throws Exception {
        Customer customer = findOwner(ref, "customer", () -> client.getCustomer(ref),
                () -> client.listCustomers(ListQuery.firstPage(100).withSearch(ref)), Customer::name);
        return new KeyChange.Assign(KeyChange.OwnerKind.CUSTOMER, customer.id(), customer.name());
    }

    /** By id first, else by exact name (then by name ignoring case, if only one matches). */
    private static <T> T findOwner(String ref, String what, Supplier<CompletableFuture<T>> byId,
                                   Supplier<CompletableFuture<Page<T>>> byName,
                                   java.util.function.Function<T, String> name) throws Exception {
        try {
            return byId.get().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof ApiException api) || api.kind() != ApiException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        List<T> named = byName.get().get(2, TimeUnit.MINUTES).items();
        List<T> exact = named.stream().filter(t -> ref.equals(name.apply(t))).toList();
        List<T> loose = named.stream().filter(t -> ref.equalsIgnoreCase(name.apply(t))).toList();
        List<T> match = !exact.isEmpty() ? exact : loose;
        if (match.size() != 1) {
            throw new CommandArguments.UsageException(match.isEmpty() ? "no " + what + " has the id or name '" + ref
                    + "'" : match.size() + " " + what + "s are named '" + ref + "': use the id");
        }
        return match.get(0);
    }

    /**
     * Asks before a change to several keys or any delete; null to go on, else the exit code. A delete is
     * confirmed by typing the key's name (one key) or the number of keys, as in the window.
     */
    private Integer confirm(KeyChange change, List<KeyPlan> plans, long ready, String server, PrintStream err) {
        String what = change.label().toLowerCase(Locale.ROOT) + " " + ready + (ready == 1 ? " key" : " keys") + " on "
                + server;
        if (!prompt.available()) {
            err.println("keys: this would " + what + "; no terminal can ask for confirmation, so nothing was sent:"
                    + " add --yes to confirm.");
            return USAGE;
        }
        List<KeyPlan> shown = plans.stream().filter(KeyPlan::ready).limit(PLANS_SHOWN).toList();
        shown.forEach(plan -> err.print(plan.describe()));
        if (ready > shown.size()) {
            err.println("... and " + (ready - shown.size()) + " more keys (--dry-run lists them all)");
        }
        String expected;
        String question;
        if (change instanceof KeyChange.Delete) {
            KeyPlan only = plans.stream().filter(KeyPlan::ready).findFirst().orElseThrow();
            expected = ready == 1 ? only.keyLabel() : String.valueOf(ready);
            question = ready == 1 ? "Type the key's name (" + expected + ") to delete it: "
                    : "Type " + ready + " to delete these " + ready + " keys: ";
        } else {
            expected = "yes";
            question = "This will " + what + ". Type yes to go on: ";
        }
        String answer = prompt.ask(question);
        if (answer == null || !answer.strip().equals(expected)) {
            err.println("keys: not confirmed; nothing was sent.");
            return USAGE;
        }
        return null;
    }

    /** Rotated values on stdout; everything else on stderr; the exit code from the outcomes. */
    private static int report(KeyChange change, RunResult result, PrintStream out, PrintStream err) {
        for (KeyOutcome o : result.outcomes()) {
            if (o.status() == KeyOutcome.Status.DONE && o.newValue() != null) {
                out.println(o.keyId() + "\t" + o.newValue().reveal());
            }
        }
        out.flush();
        for (KeyOutcome o : result.outcomes()) {
            if (o.status() == KeyOutcome.Status.DONE && o.previousValueExpiresAt() != null) {
                err.println("keys: " + o.plan().keyLabel() + ": the old value keeps working until "
                        + o.previousValueExpiresAt() + ".");
            }
            if (o.status() == KeyOutcome.Status.DONE && o.backup() != null) {
                err.println("keys: " + o.plan().keyLabel() + ": its configuration was saved in " + o.backup() + ".");
            }
            if (o.status() == KeyOutcome.Status.UNCHANGED) {
                err.println("keys: " + o.keyId() + " (" + o.plan().keyLabel() + "): nothing to do: " + o.reason());
            }
            if (!o.ok()) {
                err.println("keys: " + o.keyId() + " (" + o.plan().keyLabel() + "): " + o.status().word() + ": "
                        + o.reason());
            }
        }
        if (result.historyProblem() != null) {
            err.println("keys: warning: " + result.historyProblem() + ".");
        }
        err.println("keys: " + change.label() + ": " + result.summary() + ".");
        if (result.allOk()) {
            return OK;
        }
        List<KeyOutcome> problems = result.problems();
        boolean noneDone = result.count(KeyOutcome.Status.DONE) == 0;
        if (noneDone && problems.stream().allMatch(p -> p.failureKind() != null)) {
            if (problems.stream().allMatch(p -> p.failureKind().isAuth())) {
                return AUTH_REFUSED;
            }
            if (problems.stream().allMatch(p -> p.failureKind().isUnreachable())) {
                return UNREACHABLE;
            }
            if (problems.size() == 1) {
                return SERVER_ERROR;
            }
        }
        return SOME_KEYS_FAILED;
    }
}
