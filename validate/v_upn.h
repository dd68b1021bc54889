/*
 * v_upn.h - the shape of a Unique Pupil Number, shared by the CIN census
 * (rules 1510-1560Q, cin_upn.c) and SSDA903 (rule 168) checks.
 *
 * A UPN is 13 characters: a check letter, 11 digits (the allocating LA's
 * DfE number, establishment and serial), and a final digit, or a letter for
 * a temporary UPN. Its letters come from A-Z without I, O and S (23
 * letters), so that none is read as 1, 0 or 5.
 */
#ifndef V_UPN_H
#define V_UPN_H

/* The place of c in the UPN alphabet (A=0 ... Z=22), or -1 when c is not
 * one of its letters (I, O, S, lower case, anything else). */
int v_upn_letter(char c);

/* The letter of value v (0-22) in the UPN alphabet: the check letter of a
 * sum modulo 23. */
char v_upn_letter_of(int v);

/* 1 when s has the shape of a UPN: a UPN letter, 11 digits, then a digit
 * or a UPN letter. */
int v_upn_shape_ok(const char *s);

#endif
