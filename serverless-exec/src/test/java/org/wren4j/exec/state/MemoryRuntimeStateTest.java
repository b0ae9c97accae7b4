package org.wren4j.exec.state;

class MemoryRuntimeStateTest extends AbstractRuntimeStateTest {
    @Override
    protected RuntimeState newState() {
        return new MemoryRuntimeState();
    }
}
