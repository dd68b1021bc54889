# Highlight report: the monthly improvement-board tables.
# Format: templates/README.md. A new row or sheet is an edit here, never code.
report  = highlight
title   = Children's social care highlight report
periods = months
compare = month
columns = good periods target england stat_neighbours rag trend notes
[Sheet 1]
row = FD01 |  | Contacts
[Sheet 2]
row = FD01 |  | Contacts
[Sheet 3]
row = FD01 |  | Contacts
[Sheet 4]
row = FD01 |  | Contacts
[Sheet 5]
row = FD01 |  | Contacts
[Sheet 6]
row = FD01 |  | Contacts
[Sheet 7]
row = FD01 |  | Contacts
[Sheet 8]
row = FD01 |  | Contacts
[Sheet 9]
row = FD01 |  | Contacts
[Sheet 10]
row = FD01 |  | Contacts
[Sheet 11]
row = FD01 |  | Contacts
[Sheet 12]
row = FD01 |  | Contacts
[Sheet 13]
row = FD01 |  | Contacts
[Sheet 14]
row = FD01 |  | Contacts
[Sheet 15]
row = FD01 |  | Contacts
[Sheet 16]
row = FD01 |  | Contacts
[Sheet 17]
row = FD01 |  | Contacts
[Sheet 18]
row = FD01 |  | Contacts
[Sheet 19]
row = FD01 |  | Contacts
[Sheet 20]
row = FD01 |  | Contacts
[Sheet 21]
row = FD01 |  | Contacts
[Sheet 22]
row = FD01 |  | Contacts
[Sheet 23]
row = FD01 |  | Contacts
[Sheet 24]
row = FD01 |  | Contacts
[Sheet 25]
row = FD01 |  | Contacts
[Sheet 26]
row = FD01 |  | Contacts
[Sheet 27]
row = FD01 |  | Contacts
[Sheet 28]
row = FD01 |  | Contacts
[Sheet 29]
row = FD01 |  | Contacts
[Sheet 30]
row = FD01 |  | Contacts
[Sheet 31]
row = FD01 |  | Contacts
[Sheet 32]
row = FD01 |  | Contacts
[Sheet 33]
row = FD01 |  | Contacts
