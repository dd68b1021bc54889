# Quarterly report: financial-year quarters and years for scrutiny committees.
# Format: templates/README.md. A new row or sheet is an edit here, never code.
report  = quarterly
title   = Children's social care quarterly performance report
periods = quarters
compare = year
columns = good periods number out_of target england stat_neighbours rag trend notes

[Front door]
title = Front door: contacts and referrals
row = FD01 |  | Contacts are managed at the front door (contacts received) | chart
row = FD02 |  | Reduced % in contacts resulting in a referral | chart
row = FD03 |  | Increased % of contacts completed within 1 working day | chart
row = FD04 |  | Police contacts as a % of all contacts
row = FD05 |  | Reduced % of police contacts resulting in information and advice | chart
row = FD06 |  | Referrals received
row = FD07 |  | Referral rate per 10,000 children (12 months to the period end)
row = FD08 |  | Reduced % of re-referrals within 12 months | chart
row = FD09 |  | Reduced % of referrals with no further action | chart

[Early help]
title = Early help
row = EH01 |  | Increased early help assessments completed, tier 2 | chart
row = EH02 |  | Increased early help assessments completed, tier 3 | chart
row = EH03 |  | Reduced % of repeat early help episodes | chart
row = EH04 |  | Increased % of early help episodes closed because of progress | chart

[Help and protection]
title = Help and protection: assessments, enquiries and child protection
row = HP01 |  | Assessments completed
row = HP02 |  | Increased % of assessments completed within 45 working days | chart
row = HP03 |  | Section 47 enquiries started
row = HP04 |  | Increased % of initial child protection conferences within 15 working days | chart
row = HP05 |  | % of initial conferences resulting in a child protection plan | chart
row = HP06 |  | Children subject to a child protection plan (number) | number
row = HP06 |  | Children subject to a child protection plan (rate per 10,000) | chart
row = HP07 | 12_months | Reduced % of child protection plans that are second or subsequent (12 months to the period end) | chart
row = HP08 |  | Reduced % of plans ending that lasted 2 years or more
row = HP09 | <3m   | Children on a plan for less than 3 months
row = HP09 | 3-6m  | Children on a plan for 3 to 6 months
row = HP09 | 6-12m | Children on a plan for 6 to 12 months
row = HP09 | 1-2y  | Children on a plan for 1 to 2 years
row = HP09 | 2y+   | Children on a plan for 2 years or more
row = HP10 |  | Increased % of child protection reviews on time | chart
row = HP11 |  | Children in need (number) | number
row = HP11 |  | Children in need (rate per 10,000) | chart

[Children in care]
title = Children in care
row = LA01 |  | Total number of children looked after | number
row = LA01 |  | Children looked after (rate per 10,000) | chart
row = LA02 | started | Children who started to be looked after
row = LA02 | ceased  | Children who ceased to be looked after
row = LA03 |  | Reduced % of children with 3 or more placements in the last 12 months | chart
row = LA04 |  | Increased long-term placement stability (%) | chart
row = LA05 | children | Reduced number of children missing from care
row = LA05 | episodes | Reduced number of missing episodes
row = LA06 | 12_months | Increased % ceasing care through a special guardianship order (12 months to the period end)
row = LA07 |  | Children returned home
row = LA08 |  | Reduced number of children in a purchased residential placement | chart
row = LA09 |  | Increased % of looked-after reviews held on time | chart

[Care leavers]
title = Care leavers
row = CL01 | 17-18 | Increased % of care leavers aged 17-18 in touch
row = CL01 | 19-21 | Increased % of care leavers aged 19-21 in touch
row = CL01 | all   | Increased % of care leavers in touch | chart
row = CL02 | 17-18 | Increased % of care leavers aged 17-18 in education, employment or training
row = CL02 | 19-21 | Increased % of care leavers aged 19-21 in education, employment or training
row = CL02 | all   | Increased % of care leavers in education, employment or training | chart
row = CL03 | 17-18 | Increased % of care leavers aged 17-18 in suitable accommodation
row = CL03 | 19-21 | Increased % of care leavers aged 19-21 in suitable accommodation
row = CL03 | all   | Increased % of care leavers in suitable accommodation | chart
