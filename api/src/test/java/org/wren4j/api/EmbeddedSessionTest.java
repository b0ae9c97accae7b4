package org.wren4j.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests on one embedded session with two workers, opened before a test class and closed after it. */
abstract class EmbeddedSessionTest {
    static Wren wren;

    @BeforeAll
    static void start() {
        wren = Wren.builder().workers(2).build();
    }

    @AfterAll
    static void stop() {
        wren.close();
    }
}
