package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// OpenSQLite opens (creating it if needed) the SQLite log in the directory
// home, in the file history.db. The database runs in WAL mode with a busy
// timeout, and every write is one IMMEDIATE transaction, so several
// processes can share one home. It applies pending schema migrations and
// reaps abandoned runs. A file that is not an SQLite database, or whose
// schema is newer than this code, is an error naming the file.
func OpenSQLite(ctx context.Context, home string) (Log, error) {
	if strings.ContainsAny(home, "?#") {
		return nil, fmt.Errorf("history: home %q: path must not contain '?' or '#'", home)
	}
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, fmt.Errorf("history: create home: %w", err)
	}
	path := SQLitePath(home)
	// synchronous=NORMAL in WAL mode: a committed transaction survives the
	// process being killed; after a power loss the last commits may be
	// rolled back, never torn.
	db, err := sql.Open("sqlite", path+"?_txlock=immediate&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL")
	if err != nil {
		return nil, fmt.Errorf("history: open %s: %w", path, err)
	}
	d := dialect{name: "SQLite", where: path, withoutRowID: "WITHOUT ROWID", blob: "BLOB", wrap: sqliteError}
	// Opening can fail with SQLITE_BUSY without waiting for the busy
	// timeout: while another process turns a new file to WAL mode, or
	// recovers the WAL of a process that died. Retry for a while.
	var s *store
	wait := 5 * time.Millisecond
	deadline := time.Now().Add(openTimeout)
	for {
		if err = db.PingContext(ctx); err != nil {
			err = fmt.Errorf("history: SQLite %s: open: %w", path, d.wrap(err))
		} else {
			s, err = newStore(ctx, db, d, false)
		}
		if err == nil || !busy(err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			db.Close()
			return nil, fmt.Errorf("history: SQLite %s: open: %w", path, ctx.Err())
		}
		wait = min(2*wait, 250*time.Millisecond)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// OpenSQLiteReadOnly opens the SQLite log in home for reading only: with
// SQLite's read-only flag, so that nothing is ever written (no migration,
// no reaping: runs whose process is gone read as abandoned without being
// marked), and the file and directory may be read-only. The file must
// exist. A history whose schema is older than this code is migrated first
// through a read-write open, the one write a reader makes; when that
// fails too, the error says the history needs a migration.
func OpenSQLiteReadOnly(ctx context.Context, home string) (Log, error) {
	if strings.ContainsAny(home, "?#") {
		return nil, fmt.Errorf("history: home %q: path must not contain '?' or '#'", home)
	}
	path := SQLitePath(home)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("history: SQLite %s: %w", path, err)
	}
	log, err := openReadOnly(ctx, path, false)
	if err != nil && errors.Is(err, errReadOnlyWAL) {
		// A read-only directory without the WAL's shared-memory file:
		// SQLite can read the file only as immutable.
		log, err = openReadOnly(ctx, path, true)
	}
	if err != nil && errors.Is(err, errOutdated) {
		rw, rerr := OpenSQLite(ctx, home)
		if rerr != nil {
			return nil, fmt.Errorf("%w (and migrating it failed: %w)", err, rerr)
		}
		rw.Close()
		log, err = openReadOnly(ctx, path, false)
	}
	return log, err
}

// errReadOnlyWAL is wrapped by the error of a read-only open that SQLite
// cannot do in WAL mode.
var errReadOnlyWAL = errors.New("cannot open the WAL read-only")

func openReadOnly(ctx context.Context, path string, immutable bool) (Log, error) {
	dsn := "file:" + strings.ReplaceAll(path, "%", "%25") + "?mode=ro&_busy_timeout=10000"
	if immutable {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("history: open %s: %w", path, err)
	}
	d := dialect{name: "SQLite", where: path, withoutRowID: "WITHOUT ROWID", blob: "BLOB", wrap: sqliteError}
	err = db.PingContext(ctx)
	var s *store
	if err == nil {
		s, err = newStore(ctx, db, d, true)
	} else if se := new(sqlite.Error); errors.As(err, &se) && !immutable &&
		(se.Code()&0xff == sqlite3.SQLITE_CANTOPEN || se.Code()&0xff == sqlite3.SQLITE_READONLY) {
		err = fmt.Errorf("history: SQLite %s: %w: %w", path, errReadOnlyWAL, err)
	} else {
		err = fmt.Errorf("history: SQLite %s: open: %w", path, d.wrap(err))
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openTimeout bounds how long OpenSQLite retries a busy database.
const openTimeout = 30 * time.Second

// busy reports whether err is SQLITE_BUSY or SQLITE_LOCKED.
func busy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}

// sqliteError explains the errors a user can act on.
func sqliteError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("not a valid SQLite database (corrupt, or another kind of file); move it away to start a new history: %w", err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("locked by another process for too long: %w", err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("cannot open or write the file (check permissions): %w", err)
		}
	}
	return err
}
