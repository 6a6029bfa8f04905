"""The hub: the coordinator's HTTP service for laptops with a connection (DESIGN.md §5,
docs/hub.md). `auth` signs and checks device requests, `limits` bounds what a request may cost,
`intake` imports uploaded bundles through the same pipeline as files, `app` is the ASGI
application and `server` runs it on uvicorn with TLS."""
