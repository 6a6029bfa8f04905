"""What the coordinator hands out: tables (CSV/XLSX), PFIF 1.4 and the dashboard's figures.

Plain functions over plain values: the services read the people and hand them in; nothing here
opens the store, touches a file or knows of Qt."""
