package history_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/history/historytest"
	"github.com/assetgen/assetgen/internal/pgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	pg     *pgtest.Server
	pgSkip string // why the PostgreSQL tests skip
)

func TestMain(m *testing.M) {
	historytest.Main()
	var err error
	pg, err = pgtest.Start()
	if err != nil {
		if !errors.Is(err, pgtest.ErrMissing) || os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "history tests: PostgreSQL:", err)
			os.Exit(1)
		}
		pgSkip = err.Error()
	}
	code := m.Run()
	if pg != nil {
		pg.Stop()
	}
	os.Exit(code)
}

func sqliteSpec(t *testing.T) string { return t.TempDir() }

func postgresSpec(t *testing.T) string {
	if pg == nil {
		t.Skip(pgSkip)
	}
	dsn, drop, err := pg.NewDatabase(context.Background(), t.Name())
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, drop()) })
	return dsn
}

func TestSQLite(t *testing.T) { historytest.Run(t, sqliteSpec) }

func TestPostgres(t *testing.T) {
	if pg == nil {
		t.Skip(pgSkip)
	}
	historytest.Run(t, postgresSpec)
}

func TestSQLiteCorrupt(t *testing.T) {
	ctx := context.Background()
	t.Run("NotADatabase", func(t *testing.T) {
		home := t.TempDir()
		path := history.SQLitePath(home)
		junk := make([]byte, 8192)
		for i := range junk {
			junk[i] = byte(i*7 + 3)
		}
		require.NoError(t, os.WriteFile(path, junk, 0o644))
		_, err := history.OpenSQLite(ctx, home)
		require.Error(t, err)
		assert.Contains(t, err.Error(), path)
		assert.Contains(t, err.Error(), "not a valid SQLite database")
	})
	t.Run("DamagedPages", func(t *testing.T) {
		home := t.TempDir()
		path := history.SQLitePath(home)
		log, err := history.OpenSQLite(ctx, home)
		require.NoError(t, err)
		require.NoError(t, log.Close()) // checkpoints the WAL into the file
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		for i := 100; i < len(b); i++ { // keep the 100-byte header
			b[i] = 0xab
		}
		require.NoError(t, os.WriteFile(path, b, 0o644))
		_, err = history.OpenSQLite(ctx, home)
		require.Error(t, err)
		assert.Contains(t, err.Error(), path)
		assert.Contains(t, err.Error(), "not a valid SQLite database")
	})
}

func TestSQLiteHomeIsAFile(t *testing.T) {
	home := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(home, nil, 0o644))
	_, err := history.OpenSQLite(context.Background(), home)
	assert.ErrorContains(t, err, "create home")
}

// bumpSchema sets the schema version of the store to v behind its back.
func bumpSchema(t *testing.T, driver, dsn string, v int) {
	db, err := sql.Open(driver, dsn)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(fmt.Sprintf(`UPDATE schema_version SET version = %d`, v))
	require.NoError(t, err)
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	t.Run("SQLite", func(t *testing.T) {
		home := t.TempDir()
		log, err := history.OpenSQLite(ctx, home)
		require.NoError(t, err)
		log.Close()
		bumpSchema(t, "sqlite", history.SQLitePath(home), history.SchemaVersion+1)
		_, err = history.OpenSQLite(ctx, home)
		require.Error(t, err)
		assert.Contains(t, err.Error(), history.SQLitePath(home))
		assert.Contains(t, err.Error(), fmt.Sprintf("schema version %d is newer than this assetgen knows (%d)", history.SchemaVersion+1, history.SchemaVersion))
	})
	t.Run("Postgres", func(t *testing.T) {
		dsn := postgresSpec(t)
		log, err := history.OpenPostgres(ctx, dsn)
		require.NoError(t, err)
		log.Close()
		bumpSchema(t, "pgx", dsn, history.SchemaVersion+1)
		_, err = history.OpenPostgres(ctx, dsn)
		assert.ErrorContains(t, err, "is newer than this assetgen knows")
	})
}

func TestPostgresBadDSN(t *testing.T) {
	_, err := history.OpenPostgres(context.Background(), "postgres://127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "127.0.0.1:1")
}

// TestOpenKeywordDSN checks that Open takes a key=value connection string
// for PostgreSQL, as OpenPostgres does, rather than for the name of a
// SQLite home directory to create.
func TestOpenKeywordDSN(t *testing.T) {
	t.Chdir(t.TempDir())
	spec := "host=127.0.0.1 port=1 dbname=none sslmode=disable connect_timeout=2"
	log, err := history.Open(context.Background(), spec)
	if err == nil {
		log.Close()
	}
	require.Error(t, err)
	assert.Contains(t, err.Error(), "PostgreSQL 127.0.0.1:1/none")
	_, serr := os.Stat(spec)
	assert.ErrorIs(t, serr, fs.ErrNotExist, "a SQLite home named after the DSN")

	for spec, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://h/db": true, "host=h": true, " dbname = x user=y": true,
		".assetgen": false, "/var/lib/assetgen": false, "a=b/c": false, "dir/x=1": false, "=x": false, "Host=h": false, "": false,
	} {
		assert.Equal(t, want, history.IsPostgres(spec), "IsPostgres(%q)", spec)
	}
}

// TestOpenOtherURL checks that a URL of another scheme (a typo, or
// sqlite://) is an error rather than the name of a directory to create.
func TestOpenOtherURL(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, spec := range []string{"postgress://u:secret@h/db", "sqlite:///tmp/x"} {
		_, err := history.Open(context.Background(), spec)
		require.Error(t, err, spec)
		assert.Contains(t, err.Error(), "unsupported URL scheme")
		assert.NotContains(t, err.Error(), "secret")
		entries, err := os.ReadDir(".")
		require.NoError(t, err)
		assert.Empty(t, entries, "Open(%q) created files", spec)
	}
}

func TestConcurrentFirstOpen(t *testing.T) {
	for _, c := range []struct {
		name string
		spec func(*testing.T) string
	}{{"SQLite", sqliteSpec}, {"Postgres", postgresSpec}} {
		t.Run(c.name, func(t *testing.T) {
			spec := c.spec(t)
			errs := make(chan error, 4)
			for range 4 {
				go func() {
					log, err := history.Open(context.Background(), spec)
					if err == nil {
						log.Close()
					}
					errs <- err
				}()
			}
			for range 4 {
				assert.NoError(t, <-errs)
			}
		})
	}
}

func TestDefaultHome(t *testing.T) {
	t.Setenv(history.EnvHome, "")
	assert.Equal(t, ".assetgen", history.DefaultHome())
	t.Setenv(history.EnvHome, "/x/y")
	assert.Equal(t, "/x/y", history.DefaultHome())
}

func TestOpenFromEnv(t *testing.T) {
	ctx := context.Background()
	home := t.TempDir()
	t.Setenv(history.EnvHome, home)
	log, err := history.Open(ctx, "")
	require.NoError(t, err)
	log.Close()
	assert.FileExists(t, history.SQLitePath(home))

	dsn := postgresSpec(t)
	t.Setenv(history.EnvHome, dsn)
	log, err = history.Open(ctx, "")
	require.NoError(t, err)
	defer log.Close()
	_, err = log.Runs(ctx, history.RunQuery{Limit: 1})
	assert.NoError(t, err)
}
