package io.upwell.engine.records.internal;

/** The records' contract on embedded H2 in real files, the default. */
class H2RecordsTest extends RecordsContract {
    private static final TestDatabase H2 = new H2Files();

    @Override
    TestDatabase testDatabase() {
        return H2;
    }
}
