package com.careloop.identity;

import java.util.List;

/** The candidate groups of the contract, with their display names. */
public final class CareLoopGroups {

    public static final String AGENTS = "agents";
    public static final String CS_SUPERVISORS = "cs-supervisors";
    public static final String CS_MANAGERS = "cs-managers";
    public static final String CS_CENTER = "cs-center";
    public static final String AFTERSALES_TECH = "aftersales-tech";
    public static final String PRODUCT = "product";
    public static final String SALES = "sales";
    public static final String ADMIN = "camunda-admin";

    public record GroupInfo(String id, String name) {}

    public static final List<GroupInfo> ALL = List.of(
            new GroupInfo(AGENTS, "客服专员 Agents"),
            new GroupInfo(CS_SUPERVISORS, "客服主管 CS supervisors"),
            new GroupInfo(CS_MANAGERS, "客服经理 CS managers"),
            new GroupInfo(CS_CENTER, "客服中心 CS centre"),
            new GroupInfo(AFTERSALES_TECH, "售后技术 After-sales technical"),
            new GroupInfo(PRODUCT, "产品 Product"),
            new GroupInfo(SALES, "销售 Sales"),
            new GroupInfo(ADMIN, "Camunda BPM Administrators"));

    /** The display name of a group (zh-CN, en); the id itself for a group outside the contract. */
    public static String nameOf(String id) {
        return ALL.stream().filter(g -> g.id().equals(id)).map(GroupInfo::name).findFirst().orElse(id);
    }

    private CareLoopGroups() {
    }
}
