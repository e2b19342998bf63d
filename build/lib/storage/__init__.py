"""DuckDB: schema and migrations, writes, queries. No Prefect."""
