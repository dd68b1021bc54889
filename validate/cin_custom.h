/*
 * cin_custom.h - the CIN rules that need a function of their own (more
 * than one record kind, working days, counts over the whole return).
 * Each is registered in cin_rules_table.c; see there for the DfE codes.
 */
#ifndef CIN_CUSTOM_H
#define CIN_CUSTOM_H

#include "cin_rules.h"

#define CIN_RULE(name) void name(v_ctx *ctx, const v_rule *rule)

/* cin_upn.c: UPN and former UPN format, check letter, LA code. */
CIN_RULE(vcin_r1510); CIN_RULE(vcin_r1530); CIN_RULE(vcin_r1540); CIN_RULE(vcin_r1550);
CIN_RULE(vcin_r1560q);

/* cin_rules_return.c: about the whole return. */
CIN_RULE(vcin_r100); CIN_RULE(vcin_r1520); CIN_RULE(vcin_r8510); CIN_RULE(vcin_r2883);
CIN_RULE(vcin_r2886q); CIN_RULE(vcin_r2887q); CIN_RULE(vcin_r2888q);

/* cin_rules_child.c: identifiers and characteristics. */
CIN_RULE(vcin_r1570); CIN_RULE(vcin_r1580); CIN_RULE(vcin_r4180); CIN_RULE(vcin_r8525q);
CIN_RULE(vcin_r8530q); CIN_RULE(vcin_r8540); CIN_RULE(vcin_r8590); CIN_RULE(vcin_r8750);
CIN_RULE(vcin_r8770q); CIN_RULE(vcin_r8772); CIN_RULE(vcin_r8775q);

/* cin_rules_episode.c: episodes and their modules. */
CIN_RULE(vcin_r2884); CIN_RULE(vcin_r2885); CIN_RULE(vcin_r2990); CIN_RULE(vcin_r2991q);
CIN_RULE(vcin_r4000); CIN_RULE(vcin_r4001); CIN_RULE(vcin_r4003); CIN_RULE(vcin_r4016);
CIN_RULE(vcin_r4017); CIN_RULE(vcin_r8565); CIN_RULE(vcin_r8569q); CIN_RULE(vcin_r8585q);
CIN_RULE(vcin_r8606); CIN_RULE(vcin_r8610); CIN_RULE(vcin_r8615); CIN_RULE(vcin_r8670q);
CIN_RULE(vcin_r8675q); CIN_RULE(vcin_r8736); CIN_RULE(vcin_r8740); CIN_RULE(vcin_r8816);
CIN_RULE(vcin_r8825q); CIN_RULE(vcin_r8831); CIN_RULE(vcin_r8832); CIN_RULE(vcin_r8841);
CIN_RULE(vcin_r8842q); CIN_RULE(vcin_r8867); CIN_RULE(vcin_r8868); CIN_RULE(vcin_r8873q);

#endif
