// Package resources has assets that take resources: a database opened
// from settings, and a client built on the database. The providers write
// what they open and close to the file named by $RESOURCES_JOURNAL, so
// the end-to-end test can see the order; $RESOURCES_FAIL=users fails
// users, $RESOURCES_FAIL=open fails opening the database, and wait
// blocks until its context is cancelled.
package resources

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// Settings are shared by the providers.
type Settings struct{ Prefix string }

// DBConfig is the database provider's config.
type DBConfig struct {
	runtime.Config
	// DSN says where the database is.
	DSN      string `default:"mem://test" env:"RESOURCES_DSN"`
	Password string `secret:"true" default:""` // never printed
}

// ReportConfig is report's config.
type ReportConfig struct {
	runtime.Config
	Sep   string `default:","` // between users
	Limit int    // how many users; required
}

// DB is a database handle.
type DB struct{ dsn string }

// Client talks to the database.
type Client struct{ db *DB }

// journal appends a line to $RESOURCES_JOURNAL.
func journal(line string) error {
	name := os.Getenv("RESOURCES_JOURNAL")
	if name == "" {
		return nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintln(f, line)
	return f.Close()
}

// NewSettings provides the settings.
//
// resource:
func NewSettings() Settings { return Settings{Prefix: "mem://"} }

// OpenDB opens the database; the cleanup closes it.
//
// resource:
func OpenDB(ctx context.Context, s Settings, c DBConfig) (*DB, func(), error) {
	if !strings.HasPrefix(c.DSN, s.Prefix) {
		return nil, nil, fmt.Errorf("dsn %q does not start with %q", c.DSN, s.Prefix)
	}
	if os.Getenv("RESOURCES_FAIL") == "open" {
		return nil, nil, errors.New("database unreachable")
	}
	if err := journal("open db " + c.DSN); err != nil {
		return nil, nil, err
	}
	return &DB{dsn: c.DSN}, func() { journal("close db") }, ctx.Err()
}

// NewClient builds a client; closing it can fail.
//
// resource:
func NewClient(db *DB) (*Client, func() error, error) {
	if err := journal("open client"); err != nil {
		return nil, nil, err
	}
	return &Client{db: db}, func() error { return journal("close client") }, nil
}

// Users are read from the database.
//
// asset:
func Users(ctx context.Context, db *DB) ([]string, error) {
	if os.Getenv("RESOURCES_FAIL") == "users" {
		return nil, errors.New("users: query failed")
	}
	return []string{"ann", "bob"}, ctx.Err()
}

// Report joins the users, with the client at hand.
//
// asset:
func Report(users []string, c *Client, cfg ReportConfig) string {
	return strings.Join(users[:min(cfg.Limit, len(users))], cfg.Sep) + "@" + c.db.dsn
}

// Wait holds the database until its context is cancelled.
//
// asset:
func Wait(ctx context.Context, db *DB) error {
	fmt.Fprintln(os.Stderr, "waiting with", db.dsn)
	<-ctx.Done()
	return ctx.Err()
}

// PingConfig is the client_ping check's config.
type PingConfig struct {
	runtime.Config
	Fail bool `default:"false"` // fail the check
}

// ClientPing checks that the report's client answers; it reads no asset,
// only its resource and config.
//
// check: asset=report
func ClientPing(c *Client, cfg PingConfig) error {
	if err := journal("ping " + c.db.dsn); err != nil {
		return err
	}
	if cfg.Fail {
		return errors.New("the client did not answer")
	}
	return nil
}
