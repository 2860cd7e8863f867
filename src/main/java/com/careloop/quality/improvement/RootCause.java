package com.careloop.quality.improvement;

/** The fishbone categories of a root cause (seed 000 (四)): people, process, tools, product. */
public enum RootCause {
    PEOPLE("人员 People"), PROCESS("流程 Process"), TOOLS("工具 Tools"), PRODUCT("产品 Product");

    private final String label;

    RootCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
