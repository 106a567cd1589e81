package io.reelgate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md describes, enforced: packages form no cycle, the core (task, dispatch, engine,
 * storage, callback, account and the shared pieces under them) knows no wire dialect and no Spring MVC or servlet
 * type, and no dialect adapter under {@code api} reaches into another.
 */
class ArchitectureTest {

    private static final String[] CORE = {"io.reelgate.server.task..", "io.reelgate.server.dispatch..",
            "io.reelgate.server.engine..", "io.reelgate.server.storage..", "io.reelgate.server.callback..",
            "io.reelgate.server.account..", "io.reelgate.server.upload..", "io.reelgate.server.fetch..",
            "io.reelgate.server.crypto..", "io.reelgate.server.infra..", "io.reelgate.server.media..",
            "io.reelgate.server.idempotency.."};

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reelgate.server");

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("io.reelgate.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void noTwoPackagesAtAnyDepthDependOnEachOtherInACycle() {
        slices().matching("io.reelgate.server.(**)").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void theCoreKnowsNoDialectAndNoWebLayer() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.reelgate.server.api..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(SERVER);
    }

    @Test
    void dialectAdaptersDoNotReachIntoEachOther() {
        slices().matching("io.reelgate.server.api.(*)..").should().notDependOnEachOther()
                .allowEmptyShould(true).check(SERVER);
    }

    @Test
    void engineAdaptersDoNotReachIntoEachOtherExceptThroughSharedMedia() {
        // what several engines need (decoding, encoding, watermark, cover) lives in media, below every engine
        slices().matching("io.reelgate.server.engine.(*)..").should().notDependOnEachOther().check(SERVER);
    }

    @Test
    void sharedMediaKnowsNoEngine() {
        noClasses().that().resideInAPackage("io.reelgate.server.media..")
                .should().dependOnClassesThat().resideInAPackage("io.reelgate.server.engine..")
                .check(SERVER);
    }
}
