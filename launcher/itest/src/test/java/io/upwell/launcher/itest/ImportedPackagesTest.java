package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header parser the core-imports check relies on; runs as a plain unit test outside the framework. */
class ImportedPackagesTest {

    @Test
    void readsOnePackagePerClauseAndSkipsAttributes() {
        assertEquals(List.of("io.upwell.api.session", "org.slf4j", "java.util"),
                ImportedPackages.of("io.upwell.api.session;version=\"[1.0,1.1)\",org.slf4j;version=\"[2.0,3)\",java.util"));
    }

    @Test
    void readsSeveralPackagesSharingOneClause() {
        assertEquals(List.of("a.b", "c.d", "e.f"), ImportedPackages.of("a.b;c.d;version=\"[1,2)\";resolution:=optional,e.f"));
    }

    @Test
    void commasInsideQuotedRangesDoNotSplitClauses() {
        assertEquals(List.of("org.osgi.framework", "com.google.gson"),
                ImportedPackages.of("org.osgi.framework;version=\"[1.10,2)\",com.google.gson;version=\"[2.13,3)\""));
    }

    @Test
    void noHeaderMeansNoImports() {
        assertEquals(List.of(), ImportedPackages.of(null));
        assertEquals(List.of(), ImportedPackages.of(" "));
    }
}
