"""The commented starter configuration that `dealwatch init` writes."""

STARTER_CONFIG = '''\
# dealwatch configuration. Every key is optional except the feeds.
# Docs: README.md ("Configuration"). Check it with `dealwatch check`; see it with `dealwatch config show`.

# DuckDB file; DEALWATCH_DB and --db override it.
database = "dealwatch.duckdb"

# The feeds to monitor (RSS, Atom). Add as many [[feeds]] blocks as you like.
[[feeds]]
url = "https://feeds.bbci.co.uk/news/business/rss.xml"
name = "BBC Business"

[[feeds]]
url = "https://techcrunch.com/feed/"
name = "TechCrunch"

[[feeds]]
url = "https://www.cnbc.com/id/10001147/device/rss/rss.html"
name = "CNBC Business"

[[feeds]]
url = "https://feeds.arstechnica.com/arstechnica/index"
name = "Ars Technica"

[[feeds]]
url = "https://www.theverge.com/rss/index.xml"
name = "The Verge"

[fetch]
allow_private_networks = false   # true lets feeds and pages on private or loopback addresses be fetched
allow_hosts = []                 # hosts, IPs or CIDRs fetched even when private, e.g. ["127.0.0.1"]
# user_agent = "dealwatch/0.1"
# max_bytes = 10485760           # largest body accepted (after decompression)

[poll]
interval_minutes = 15            # normal time between two polls of a feed
max_backoff_minutes = 1440       # a failing feed is retried at most this far apart

[alerts]
transport = "file"               # "smtp", "file" (.eml files in `outbox`) or "console"
outbox = "outbox"
to = ["analyst@example.com"]
from = "dealwatch@example.com"
events = ["deal"]                # add "customer_change" to be told about customer changes too
mode = "digest"                  # "digest": one email per run; "instant": one per story
updates = false                  # true: also alert when a story's status moves on or its amount becomes known
# watchlist = ["Scale AI", ["Meta", "Facebook"]]   # only these companies (any role); a list = name + aliases
# watchlist_only = false        # false: every story alerts, watched companies first and starred
# min_confidence = 0.5
# details = 20                   # stories shown in detail in an email; the others only in its overview

[alerts.smtp]
host = "smtp.example.com"
port = 587
security = "starttls"            # "none", "starttls" or "tls"
username = "dealwatch"
password_env = "DEALWATCH_SMTP_PASSWORD"   # the password is read from this environment variable
# ca_file = "/etc/ssl/certs/my-private-ca.pem"   # trust a private CA instead of the system's
# Check these settings with `dealwatch alerts test`.

[schedule]
cron = "*/15 * * * *"            # when `dealwatch serve` runs the monitor (five-field cron)
timezone = "UTC"                 # IANA time zone the cron is read in, e.g. "Europe/Berlin"

# [run]
# executor = "dask"              # poll and read on a Dask cluster (pip install "dealwatch[dask]")
# dask_address = "tcp://dask-scheduler:8786"   # or $DEALWATCH_DASK_ADDRESS
'''
