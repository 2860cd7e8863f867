package com.careloop.quality;

/** The counters of a rollup row (table quality_rollup), in column order: numerators, denominators and sums for means. */
enum Counter {
    SURVEYS("surveys"), SAT_N("sat_n"), SAT_POS("sat_pos"), SAT_SUM("sat_sum"),
    NPS_N("nps_n"), NPS_PRO("nps_pro"), NPS_DET("nps_det"),
    ATT_N("att_n"), ATT_SUM("att_sum"), EXP_N("exp_n"), EXP_SUM("exp_sum"), TIM_N("tim_n"), TIM_SUM("tim_sum"),
    RES_N("res_n"), RES_SUM("res_sum"), CON_N("con_n"), CON_SUM("con_sum"),
    FU_CLOSED("fu_closed"), FU_REACHED("fu_reached"), FU_INTENT("fu_intent"),
    FB_OPENED("fb_opened"), FB_CLOSED("fb_closed"), FB_RESOLVED("fb_resolved"), FB_REOPENED("fb_reopened"),
    FB_RESPONDED("fb_responded"), FB_FCR("fb_fcr"), RESP_N("resp_n"), RESP_ON_TIME("resp_on_time"),
    RESOL_N("resol_n"), RESOL_ON_TIME("resol_on_time"),
    LEAD_N("lead_n"), LEAD_WON("lead_won"), LEAD_QUOTED("lead_quoted"),
    PAUSED_N("paused_n"), PAUSED_MIN("paused_min");

    static final Counter[] ALL = values();

    final String column;

    Counter(String column) {
        this.column = column;
    }
}
