package history

import (
	"context"
	"slices"
	"strconv"

	"github.com/assetgen/assetgen/runtime"
)

func (s *store) AssetSteps(ctx context.Context, key runtime.Key, limit int) ([]Step, error) {
	query := `WHERE asset_key = ? ORDER BY start_ns DESC, run_id DESC, partition_key`
	if limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(limit)
	}
	return s.querySteps(ctx, "steps of asset "+string(key), query, string(key))
}

// writeLogs inserts the lines of b, deletes its trims and writes its
// markers, in tx.
func (s *store) writeLogs(ctx context.Context, tx dbtx, b *Batch) error {
	stmts := s.stmts(tx)
	defer stmts.close()
	for i := 0; i < len(b.Logs); i += logChunk {
		chunk := b.Logs[i:min(i+logChunk, len(b.Logs))]
		args := make([]any, 0, len(chunk)*logColumns)
		for j := range chunk {
			l := &chunk[j]
			args = append(args, l.RunID, l.Seq, string(l.Key), l.Partition, l.Line, l.Attempt, ns(l.Time), l.Level, l.Message, l.Attrs)
		}
		if err := stmts.exec(ctx, len(chunk), s.logSQL(len(chunk)), args...); err != nil {
			return s.wrap("write log lines of run "+chunk[0].RunID, err)
		}
	}
	for _, t := range b.Trims {
		if err := tx.exec(ctx, s.q(`DELETE FROM logs WHERE run_id = ? AND seq >= ? AND seq <= ? AND asset_key = ? AND partition_key = ?`),
			t.RunID, t.From, t.To, string(t.Key), t.Partition); err != nil {
			return s.wrap("drop log lines of run "+t.RunID, err)
		}
	}
	for _, d := range b.Drops {
		if err := tx.exec(ctx, s.q(`INSERT INTO log_drops (run_id, asset_key, partition_key, seq, line, attempt, time_ns, dropped, message)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (run_id, asset_key, partition_key) DO UPDATE SET seq = excluded.seq, line = excluded.line,
			attempt = excluded.attempt, time_ns = excluded.time_ns, dropped = excluded.dropped, message = excluded.message`),
			d.RunID, string(d.Key), d.Partition, d.Seq, d.Line, d.Attempt, ns(d.Time), d.Dropped, d.Message); err != nil {
			return s.wrap("write log marker of run "+d.RunID, err)
		}
	}
	return nil
}

func (s *store) Logs(ctx context.Context, runID string, q LogQuery) ([]LogLine, error) {
	where := `WHERE run_id = ?`
	args := []any{runID}
	if q.Key != "" {
		where += ` AND asset_key = ? AND partition_key = ?`
		args = append(args, string(q.Key), q.Partition)
	}
	query := `SELECT seq, asset_key, partition_key, line, attempt, time_ns, level, message, attrs FROM logs ` +
		where + ` AND seq > ? ORDER BY seq`
	if q.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(q.Limit)
	}
	what := "read the log lines of run " + runID
	rows, err := s.db.QueryContext(ctx, s.q(query), append(slices.Clip(args), q.After)...)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	var lines []LogLine
	for rows.Next() {
		l := LogLine{RunID: runID}
		var key string
		var t int64
		if err := rows.Scan(&l.Seq, &key, &l.Partition, &l.Line, &l.Attempt, &t, &l.Level, &l.Message, &l.Attrs); err != nil {
			rows.Close()
			return nil, s.wrap(what, err)
		}
		l.Key, l.Time = runtime.Key(key), fromNS(t)
		lines = append(lines, l)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap(what, err)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(what, err)
	}
	cutAt := int64(-1) // markers past the last line a limit kept stay out
	if q.Limit > 0 && len(lines) == q.Limit {
		cutAt = lines[len(lines)-1].Seq
	}
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT seq, asset_key, partition_key, line, attempt, time_ns, dropped, message FROM log_drops `+where), args...)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer rows.Close()
	for rows.Next() {
		l := LogLine{RunID: runID}
		var key string
		var t int64
		if err := rows.Scan(&l.Seq, &key, &l.Partition, &l.Line, &l.Attempt, &t, &l.Dropped, &l.Message); err != nil {
			return nil, s.wrap(what, err)
		}
		if cutAt >= 0 && l.Seq > cutAt {
			continue
		}
		l.Key, l.Time = runtime.Key(key), fromNS(t)
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(what, err)
	}
	slices.SortStableFunc(lines, func(a, b LogLine) int {
		if a.Seq != b.Seq {
			return int(min(max(a.Seq-b.Seq, -1), 1))
		}
		return b.Dropped - a.Dropped // a marker before a line of its Seq (none has one)
	})
	return lines, nil
}
