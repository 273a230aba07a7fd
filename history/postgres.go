package history

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// OpenPostgres opens the log in the PostgreSQL database dsn names (a URL,
// postgres://user:pass@host:port/db?sslmode=..., or a key=value
// connection string), creating its tables when missing (serialized by an
// advisory lock, so concurrent first opens are safe). Several processes and
// machines can share it.
func OpenPostgres(ctx context.Context, dsn string) (Log, error) {
	// pgxpool's parser takes the pool_* settings out of the DSN (the
	// queue's pool reads them; a plain connection refuses them).
	poolCfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("history: PostgreSQL DSN: %w", err)
	}
	cfg := poolCfg.ConnConfig
	where := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, url.PathEscape(cfg.Database))
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	d := dialect{
		name:      "PostgreSQL",
		where:     where,
		dollar:    true,
		blob:      "BYTEA",
		forUpdate: " FOR UPDATE",
		// pgx's default: statements prepared once per connection, cached.
		cachesStatements: true,
		// An arbitrary constant: "assetgen history" migration lock.
		lock: `SELECT pg_advisory_xact_lock(7301946521)`,
		wrap: func(err error) error { return err },
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("history: PostgreSQL %s: connect: %w", where, err)
	}
	s, err := newStore(ctx, db, d, false)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}
