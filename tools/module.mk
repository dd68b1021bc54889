# Tools: csc-gen-sample, the deterministic sample-authority generator.
#
# Scale (measured, seed 20240331, --end 2026-10-31; figures over the 12
# months ending at the extraction date, printed by the generator and
# recomputed independently by tests/e2e/gen_check.py):
#   --children 50000 (6 years): population 58.7 k, 14.2 k contacts (22 %
#     referred), 3.1 k referrals (19 % re-referrals), 2.9 k assessments (80 %
#     within 45 working days), CP 50 and CLA 62 per 10,000, 214 care leavers
#     60 % EET; long-term placement stability 73 %, looked-after reviews on
#     time 90 %, special guardianship 13 % of the dump's 588 exits from care;
#     33 MB. Seeds 1-4: CP 48-52, CLA 61-67 (long stays in care are
#     few children), care leavers 56-63 % EET. Seeds 5 and 6 with 150000
#     children: stability 71-73 %, reviews 90-92 %, special guardianship
#     12-13 % of exits.
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
