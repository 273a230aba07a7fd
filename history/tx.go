package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// dbtx is what writing a batch needs of a transaction: one of
// database/sql (Write's) or one of pgx that the caller opened (WriteTx).
type dbtx interface {
	exec(ctx context.Context, query string, args ...any) error
	queryRow(ctx context.Context, query string, args ...any) rowScanner
	query(ctx context.Context, query string, args ...any) (rowsScanner, error)
	// prepare prepares query; only database/sql's transactions can, and
	// only SQLite's store asks (see batchStmts).
	prepare(ctx context.Context, query string) (*sql.Stmt, error)
}

type rowScanner interface{ Scan(dest ...any) error }

type rowsScanner interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
	Err() error
}

// sqlTx is a database/sql transaction.
type sqlTx struct{ tx *sql.Tx }

func (t sqlTx) exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, query, args...)
	return err
}

func (t sqlTx) queryRow(ctx context.Context, query string, args ...any) rowScanner {
	return t.tx.QueryRowContext(ctx, query, args...)
}

func (t sqlTx) query(ctx context.Context, query string, args ...any) (rowsScanner, error) {
	return t.tx.QueryContext(ctx, query, args...)
}

func (t sqlTx) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.tx.PrepareContext(ctx, query)
}

// pgxTx is a pgx transaction. Its errors read as database/sql's
// (sql.ErrNoRows), which the writing code tests for. With a batch, the
// statements that return nothing are queued in it rather than sent, and
// those queued are sent before any query (see WriteTx).
type pgxTx struct {
	tx    pgx.Tx
	batch *pgx.Batch
}

func (t pgxTx) exec(ctx context.Context, query string, args ...any) error {
	if t.batch != nil {
		t.batch.Queue(query, args...)
		return nil
	}
	_, err := t.tx.Exec(ctx, query, args...)
	return err
}

// flush sends the queued statements.
func (t pgxTx) flush(ctx context.Context) error {
	if t.tx == nil {
		return ErrNeedsTx // QueueBatch's: no transaction to read in
	}
	if t.batch == nil || t.batch.Len() == 0 {
		return nil
	}
	err := t.tx.SendBatch(ctx, t.batch).Close()
	*t.batch = pgx.Batch{}
	return err
}

func (t pgxTx) queryRow(ctx context.Context, query string, args ...any) rowScanner {
	if err := t.flush(ctx); err != nil {
		return errRow{err}
	}
	return pgxRow{t.tx.QueryRow(ctx, query, args...)}
}

func (t pgxTx) query(ctx context.Context, query string, args ...any) (rowsScanner, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	rows, err := t.tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgxRows{rows}, nil
}

func (t pgxTx) prepare(context.Context, string) (*sql.Stmt, error) {
	return nil, errors.New("history: a pgx transaction prepares no database/sql statement")
}

// errRow is a row that failed before its query was sent.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

type pgxRow struct{ row pgx.Row }

func (r pgxRow) Scan(dest ...any) error {
	err := r.row.Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return sql.ErrNoRows
	}
	return err
}

type pgxRows struct{ pgx.Rows }

func (r pgxRows) Close() error {
	r.Rows.Close()
	return r.Rows.Err()
}

// WriteTx applies b in tx, a transaction of pgx that the caller opened on
// the PostgreSQL database of log (OpenPostgres) and commits or rolls back:
// b is recorded if and only if the caller's own statements in tx are. A
// queue worker completes a step this way, so that the history records a
// materialization exactly when the queue counts the step done.
//
// With a batch, the statements that return nothing are queued in it
// rather than sent (any that must read first sends those queued before
// it): the caller adds its own and sends the batch in tx, whose errors
// are then b's too. Without, every statement is sent before WriteTx
// returns.
func WriteTx(ctx context.Context, log Log, tx pgx.Tx, batch *pgx.Batch, b *Batch) error {
	s, ok := log.(*store)
	if !ok || !s.d.dollar || !s.d.cachesStatements {
		return fmt.Errorf("history: WriteTx needs a history opened by OpenPostgres, not %T", log)
	}
	if b.empty() {
		return nil
	}
	return s.write(ctx, pgxTx{tx: tx, batch: batch}, b)
}

// ErrNeedsTx is QueueBatch's error when writing the batch reads the
// database: write it with WriteTx in a transaction instead.
var ErrNeedsTx = errors.New("history: writing the batch reads the database: it needs a transaction (WriteTx)")

// QueueBatch queues the statements that apply b in batch, for the caller
// to send with its own in one implicit transaction (pgx sends a batch
// outside a transaction with one Sync: all of it commits or none), on the
// PostgreSQL database of log (OpenPostgres). It returns ErrNeedsTx, having
// queued part of b, when applying b needs to read: discard the batch and
// use WriteTx then.
func QueueBatch(ctx context.Context, log Log, batch *pgx.Batch, b *Batch) error {
	return WriteTx(ctx, log, nil, batch, b)
}
