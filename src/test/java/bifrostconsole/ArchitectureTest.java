package bifrostconsole;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map as rules on the compiled dependency graph (ArchUnit), so a rule about a package that is
 * renamed or emptied fails instead of passing silently: every rule must match at least one class.
 * A new package is added here the day it is created.
 */
class ArchitectureTest {
    /** Packages below the views: no JavaFX at all, so the command line and the engine run without a toolkit. */
    static final String[] ENGINE = {"bifrostconsole.api..", "bifrostconsole.service..", "bifrostconsole.export..",
            "bifrostconsole.store..", "bifrostconsole.demo..", "bifrostconsole.cli..", "bifrostconsole.config..",
            "bifrostconsole.messages..", "bifrostconsole.headroom..", "bifrostconsole.changes..", "bifrostconsole.threads.."};
    /** Feature packages that hold views (and their view-models beside them). */
    static final String[] GUI = {"bifrostconsole.app..", "bifrostconsole.keys..", "bifrostconsole.keydetail..",
            "bifrostconsole.exportui..", "bifrostconsole.ui..", "bifrostconsole.usage..", "bifrostconsole.overview..",
            "bifrostconsole.alerts..", "bifrostconsole.tables..", "bifrostconsole.owners..", "bifrostconsole.teams..",
            "bifrostconsole.customers..", "bifrostconsole.limits..", "bifrostconsole.keyeditor..",
            "bifrostconsole.keyactions..", "bifrostconsole.history.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bifrostconsole");
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("bifrostconsole.(*)..").should().beFreeOfCycles());
    }

    @Test
    void engineImportsNothingFromJavaFx() {
        check(noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.."));
    }

    @Test
    void engineNeverReachesAView() {
        check(noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat().resideInAnyPackage(GUI)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("ViewModel")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View"));
    }

    @Test
    void theMessagePolicyDependsOnNothingElseInTheProject() {
        check(noClasses().that().resideInAPackage("bifrostconsole.messages..").should().dependOnClassesThat(
                resideInAPackage("bifrostconsole..").and(not(resideInAPackage("bifrostconsole.messages..")))));
    }

    @Test
    void viewModelsImportNoSceneGraphStageOrApplication() {
        check(noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "atlantafx.."));
    }

    @Test
    void textsTheViewModelsComputeStayFreeOfTheSceneGraph() {
        check(noClasses().that().haveSimpleName("KeyRow").or().haveSimpleName("PageWindow")
                .or().haveSimpleName("KeyColumn").or().haveSimpleName("FilterOption").or().haveSimpleName("KeyDetails")
                .or().haveSimpleName("Formats").or().haveSimpleName("ResetWindow").or().haveSimpleName("ResetSchedule")
                .or().haveSimpleName("UsageLine").or().haveSimpleName("UsageLines")
                .or().haveSimpleName("ClipboardService").or().haveSimpleName("SecretMask")
                .or().haveSimpleName("TeamRow").or().haveSimpleName("CustomerRow").or().haveSimpleName("OwnerDetails")
                .or().haveSimpleName("TableColumnSpec").or().haveSimpleName("KeyDraft").or().haveSimpleName("KeyEditChanges")
                .or().haveSimpleName("KeyRules").or().haveSimpleName("LimitChanges").or().haveSimpleName("Windows").or().haveSimpleName("TeamColumn").or().haveSimpleName("CustomerColumn")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "atlantafx.."));
    }

    @Test
    void uiControlsCallNoService() {
        check(noClasses().that().resideInAPackage("bifrostconsole.ui..").should().dependOnClassesThat()
                .resideInAnyPackage("bifrostconsole.service..", "bifrostconsole.store..", "bifrostconsole.demo..",
                        "bifrostconsole.export..", "bifrostconsole.connection..")
                .orShould().dependOnClassesThat().haveSimpleName("ManagementApiClient")
                .orShould().dependOnClassesThat().haveSimpleName("GovernanceSource"));
    }

    @Test
    void viewModelsLiveBesideTheirViews() {
        check(classes().that().haveSimpleNameEndingWith("ViewModel").should().resideInAnyPackage(GUI)
                .orShould().resideInAPackage("bifrostconsole.connection.."));
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }
}
