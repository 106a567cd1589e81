package io.reelgate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md describes, enforced: packages form no cycle, the core (task, dispatch, engine,
 * storage, callback, account, catalog and the shared pieces under them) knows no wire dialect and no Spring MVC or servlet
 * type, and no dialect package under {@code api} reaches into another or is reached by what the dialects share.
 */
class ArchitectureTest {

    private static final String[] CORE = {"io.reelgate.server.task..", "io.reelgate.server.dispatch..",
            "io.reelgate.server.engine..", "io.reelgate.server.storage..", "io.reelgate.server.callback..",
            "io.reelgate.server.account..", "io.reelgate.server.upload..", "io.reelgate.server.fetch..",
            "io.reelgate.server.crypto..", "io.reelgate.server.infra..", "io.reelgate.server.catalog..", "io.reelgate.server.media..",
            "io.reelgate.server.idempotency.."};

    /**
     * One package per wire dialect, present or planned. Each may use {@link #API_COMMON}; the KIE envelope
     * speakers (the KIE families, Reelgate's own endpoints and the admin API) also {@link #KIE_SHARED}.
     */
    private static final String[] DIALECTS = {"io.reelgate.server.api.kie.runway..", "io.reelgate.server.api.kie.veo..",
            "io.reelgate.server.api.kie.market..", "io.reelgate.server.api.reelgate..", "io.reelgate.server.api.admin..",
            "io.reelgate.server.api.openai..", "io.reelgate.server.api.upstream.."};
    private static final String API_COMMON = "io.reelgate.server.api.common..";
    /** What KIE's API families share (envelope, error table, File Upload API); the package alone, not its dialects. */
    private static final String KIE_SHARED = "io.reelgate.server.api.kie";

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
    void dialectsDoNotReachIntoEachOther() {
        for (String dialect : DIALECTS) {
            String[] others = Arrays.stream(DIALECTS).filter(other -> !other.equals(dialect)).toArray(String[]::new);
            noClasses().that().resideInAPackage(dialect)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(SERVER);
        }
    }

    @Test
    void whatDialectsShareKnowsNoDialect() {
        noClasses().that().resideInAnyPackage(API_COMMON, "io.reelgate.server.api.openapi..", KIE_SHARED)
                .should().dependOnClassesThat().resideInAnyPackage(DIALECTS)
                .check(SERVER);
    }

    @Test
    void theCommonApiLayerKnowsNoKieEnvelope() {
        noClasses().that().resideInAPackage(API_COMMON)
                .should().dependOnClassesThat().resideInAPackage("io.reelgate.server.api.kie..")
                .check(SERVER);
    }

    @Test
    void dialectsOutsideTheKieFamilyKnowNoKieEnvelope() {
        noClasses().that().resideInAPackage("io.reelgate.server.api.openai..")
                .should().dependOnClassesThat().resideInAPackage("io.reelgate.server.api.kie..")
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
