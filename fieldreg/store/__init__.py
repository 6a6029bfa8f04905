"""Local store: SQLAlchemy models, engine with durable PRAGMAs, migrations, repositories."""
