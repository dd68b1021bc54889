# Tools: csc-gen-sample, the deterministic sample-authority generator.
#
# Scale (measured, seed 20240331, --end 2026-10-31; figures over the 12
# months ending at the extraction date, printed by the generator and
# recomputed independently by tests/e2e/gen_check.py):
#   --children 50000 (6 years): population 58.6 k, 14.1 k contacts (23 %
#     referred), 3.2 k referrals (20 % re-referrals), 3.0 k assessments (80 %
#     within 45 working days), CP 52 and CLA 65 per 10,000, 263 care leavers
#     58 % EET; long-term placement stability 70 %, looked-after reviews on
#     time 90 %, special guardianship 13 % of the dump's 943 exits from care;
#     over the financial years 2022-23 to 2025-26, 42 % of the children
#     looked after on 31 March started and 43 % ceased in the year; 24 % of
#     the 355 protection plans starting in the 12 months were a second
#     plan; 32 MB. Seeds 1-4: CP 47-54, CLA 63-75 (long stays in care are
#     few children), started 35-39 % and ceased 34-39 % a year, second
#     plans 22-28 %, special guardianship 11-14 % of exits, stability
#     67-74 %, reviews 89-92 %.
#   Steady state (issue 17): --children 200000 --seed 7 (1,690 looked
#     after) has 1,627-1,705 children looked after on every 31 March and
#     30 September from 2021 to 2026, about 610 starting and 600 ceasing a
#     year; long-term stability 67-71 % at seed 8 from 2023 to 2026 (seed 7
#     dipped to 63 % in 2024: the same few hundred children for years, so
#     a draw drifts slowly). The 20000-children draw's 148 -> 181 children
#     looked after in 18 months was the noise of ~170 children, hence make
#     sample's 70000 (Makefile).
#   --children 1000000 --years 1: population 4.5 M, 1.05 M contacts, 232 k
#     referrals, 600 MB in 7 s (84 MB/s including fsync, 4.4 MB peak RSS).
#     One year of England (2.8 M contacts) is --children 2700000 --years 1.
#   With --years 1 re-referrals show ~12 %: a referral's earlier referral
#   closed before the dump's first day is not in the dump, as in a real one.
PROGRAMS += csc-gen-sample
csc-gen-sample_OBJS := tools/gen_main.o tools/gen_sim.o tools/gen_censor.o tools/gen_codes.o \
	tools/gen_emit.o tools/gen_xml.o validate/v_year.o
E2E_TESTS += tests/e2e/gen_sample.sh
E2E_TESTS += tests/e2e/sample_care.sh
