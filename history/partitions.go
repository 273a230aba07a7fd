package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// PartitionRecords are the latest records of the partitions of one asset
// (Log.Partitions), sorted by partition key, in the compact form that
// status reads quickly. Asset(i) gives a record in full.
type PartitionRecords struct {
	Key  runtime.Key
	recs []prec
}

// Len returns the number of partitions recorded.
func (r *PartitionRecords) Len() int {
	if r == nil {
		return 0
	}
	return len(r.recs)
}

// Partition returns the key of partition record i.
func (r *PartitionRecords) Partition(i int) string { return r.recs[i].key }

// Asset returns partition record i in full.
func (r *PartitionRecords) Asset(i int) Asset { return r.recs[i].asset(r.Key) }

// Find returns the record of a partition, if there is one.
func (r *PartitionRecords) Find(partition string) (Asset, bool) {
	if r == nil {
		return Asset{}, false
	}
	i := sortSearch(r.recs, partition)
	if i < len(r.recs) && r.recs[i].key == partition {
		return r.recs[i].asset(r.Key), true
	}
	return Asset{}, false
}

// asset returns p as the Asset of key.
func (p *prec) asset(key runtime.Key) Asset {
	return Asset{
		Key: key, Partition: p.key,
		RunID: p.runID, Time: fromNS(p.time), CodeVersion: p.code, Config: p.config, DataVersion: p.data, InputVersions: decodeInputs(p.inputs),
		LastRunID: p.lastRun, LastStatus: p.lastStatus, LastTime: fromNS(p.lastTime), LastError: p.lastError,
	}
}

// writePartitions updates the records of the partitions whose steps
// finished in steps (already written), chunk by chunk (see chunk.go).
func (s *store) writePartitions(ctx context.Context, tx dbtx, steps []Step) error {
	var byKey map[runtime.Key][]*Step
	for i := range steps {
		p := &steps[i]
		if p.Partition == "" || !attempted(p) || strings.Contains(p.Partition, partition.RangeSep) {
			// (A step of a range written whole, by a writer that did not
			// split it into its partitions, has no record of its own.)
			continue
		}
		if byKey == nil {
			byKey = map[runtime.Key][]*Step{}
		}
		byKey[p.Key] = append(byKey[p.Key], p)
	}
	// Assets, and chunks within each, in key order: concurrent writers
	// lock chunks in one order.
	for _, key := range sortedKeys(byKey) {
		ups := byKey[key]
		sortSteps(ups)
		if err := s.writeChunks(ctx, tx, key, ups); err != nil {
			return s.wrap("write the partitions of asset "+string(key), err)
		}
	}
	return nil
}

// writeChunks applies ups, finished attempts of partitions of key sorted
// by partition, to the chunks that hold them.
func (s *store) writeChunks(ctx context.Context, tx dbtx, key runtime.Key, ups []*Step) error {
	find := s.q(`SELECT lo, data FROM partition_states WHERE asset_key = ? AND lo <= ? ORDER BY lo DESC LIMIT 1` + s.d.forUpdate)
	next := s.q(`SELECT lo FROM partition_states WHERE asset_key = ? AND lo > ? ORDER BY lo LIMIT 1`)
	retries := 0
	for len(ups) > 0 {
		var lo, data []byte
		err := tx.queryRow(ctx, find, string(key), []byte(ups[0].Partition)).Scan(&lo, &data)
		if errors.Is(err, sql.ErrNoRows) {
			// The asset's first chunk; a concurrent writer may be making
			// it too.
			if err := tx.exec(ctx, s.q(`INSERT INTO partition_states (asset_key, lo, n, data) VALUES (?, ?, 0, ?)
				ON CONFLICT (asset_key, lo) DO NOTHING`), string(key), firstLo, encodeChunk(nil)); err != nil {
				return err
			}
			err = tx.queryRow(ctx, find, string(key), []byte(ups[0].Partition)).Scan(&lo, &data)
		}
		if err != nil {
			return err
		}
		n := len(ups)
		var hi []byte
		switch err := tx.queryRow(ctx, next, string(key), lo).Scan(&hi); {
		case err == nil:
			n = sortSearchSteps(ups, string(hi))
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if n == 0 {
			// Another writer split the chunk while this one waited for
			// its lock (PostgreSQL: the locked row is read again, but the
			// new chunk is not in the statement's snapshot): find again.
			if retries++; retries > 100 {
				return fmt.Errorf("partition %q does not fall in the chunk found for it", ups[0].Partition)
			}
			continue
		}
		recs, err := decodeChunk(nil, string(data))
		if err != nil {
			return fmt.Errorf("the chunk of partitions from %q: %w (the history is damaged)", lo, err)
		}
		recs, changed := merge(recs, ups[:n])
		ups = ups[n:]
		if !changed {
			continue
		}
		pieces := split(recs)
		if err := tx.exec(ctx, s.q(`UPDATE partition_states SET n = ?, data = ? WHERE asset_key = ? AND lo = ?`),
			len(pieces[0]), encodeChunk(pieces[0]), string(key), lo); err != nil {
			return err
		}
		for _, p := range pieces[1:] {
			if err := tx.exec(ctx, s.q(`INSERT INTO partition_states (asset_key, lo, n, data) VALUES (?, ?, ?, ?)`),
				string(key), []byte(p[0].key), len(p), encodeChunk(p)); err != nil {
				return err
			}
		}
	}
	return nil
}

// split cuts recs into chunks of at most chunkMax records: when it needs
// cutting, into pieces of three quarters of that from the start, the rest
// last, so that a chunk filled by appending (time partitions, recorded in
// order) leaves full chunks behind with room for a few late ones.
func split(recs []prec) [][]prec {
	if len(recs) <= chunkMax {
		return [][]prec{recs}
	}
	var out [][]prec
	for len(recs) > chunkMax {
		n := chunkMax * 3 / 4
		out = append(out, recs[:n:n])
		recs = recs[n:]
	}
	return append(out, recs)
}

// sortSteps sorts steps by partition, keeping the order of the steps of
// one partition.
func sortSteps(steps []*Step) {
	slices.SortStableFunc(steps, func(a, b *Step) int { return strings.Compare(a.Partition, b.Partition) })
}

// sortSearchSteps returns the index of the first step of ups whose
// partition is not below key.
func sortSearchSteps(ups []*Step, key string) int {
	i, _ := slices.BinarySearchFunc(ups, key, func(s *Step, k string) int { return strings.Compare(s.Partition, k) })
	return i
}

func (s *store) Partitions(ctx context.Context, key runtime.Key) (*PartitionRecords, error) {
	// The chunks first, with their numbers of records, to decode them
	// into one allocation.
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT n, data FROM partition_states WHERE asset_key = ? ORDER BY lo`), string(key))
	if err != nil {
		return nil, s.wrap("read the partitions of asset "+string(key), err)
	}
	defer rows.Close()
	var chunks []string
	total := 0
	for rows.Next() {
		var n int
		var data sql.RawBytes
		if err := rows.Scan(&n, &data); err != nil {
			return nil, s.wrap("read the partitions of asset "+string(key), err)
		}
		chunks = append(chunks, string(data))
		total += max(n, 0)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("read the partitions of asset "+string(key), err)
	}
	r := &PartitionRecords{Key: key, recs: make([]prec, 0, total)}
	for _, data := range chunks {
		if r.recs, err = decodeChunk(r.recs, data); err != nil {
			return nil, s.errorf("the partitions of asset %s: %v (the history is damaged)", key, err)
		}
	}
	return r, nil
}

func (s *store) DynamicPartitions(ctx context.Context, name string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT partition_key FROM dynamic_partitions WHERE name = ? ORDER BY seq, partition_key`), name)
	if err != nil {
		return nil, s.wrap("read the dynamic partitions "+name, err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, s.wrap("read the dynamic partitions "+name, err)
		}
		keys = append(keys, k)
	}
	return keys, s.wrap("read the dynamic partitions "+name, rows.Err())
}

// checkDynamic checks the name of a dynamic partitions definition and
// keys to add or delete, and returns the keys without repeats.
func checkDynamic(name string, keys []string) ([]string, error) {
	if err := partition.NewDynamic(name).Err(); err != nil {
		return nil, err
	}
	var errs []error
	seen := make(map[string]bool, len(keys))
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if err := partition.CheckKey(k); err != nil {
			errs = append(errs, err) // it names the key
			continue
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out, errors.Join(errs...)
}

func (s *store) AddDynamicPartitions(ctx context.Context, name string, keys []string) ([]string, error) {
	keys, err := checkDynamic(name, keys)
	if err != nil {
		return nil, fmt.Errorf("history: dynamic partitions %s: %w", name, err)
	}
	what := "add dynamic partitions to " + name
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(MAX(seq), 0) FROM dynamic_partitions WHERE name = ?`), name).Scan(&seq); err != nil {
		return nil, s.wrap(what, err)
	}
	var added []string
	st, err := tx.PrepareContext(ctx, s.q(`INSERT INTO dynamic_partitions (name, partition_key, seq) VALUES (?, ?, ?)
		ON CONFLICT (name, partition_key) DO NOTHING`))
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer st.Close()
	for _, k := range keys {
		res, err := st.ExecContext(ctx, name, k, seq+1)
		if err != nil {
			return nil, s.wrap(what, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			seq++
			added = append(added, k)
		}
	}
	return added, s.wrap(what, tx.Commit())
}

func (s *store) DeleteDynamicPartitions(ctx context.Context, name string, keys []string) ([]string, error) {
	keys, err := checkDynamic(name, keys)
	if err != nil {
		return nil, fmt.Errorf("history: dynamic partitions %s: %w", name, err)
	}
	what := "delete dynamic partitions of " + name
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer tx.Rollback()
	var deleted []string
	for _, k := range keys {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM dynamic_partitions WHERE name = ? AND partition_key = ?`), name, k)
		if err != nil {
			return nil, s.wrap(what, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			deleted = append(deleted, k)
		}
	}
	return deleted, s.wrap(what, tx.Commit())
}

// marshalRunPartitions encodes a run's partitions: by asset, a list of
// [first, last] pairs.
func marshalRunPartitions(m map[runtime.Key][]partition.Range) string {
	if len(m) == 0 {
		return "{}"
	}
	out := make(map[runtime.Key][][2]string, len(m))
	for k, rs := range m {
		pairs := make([][2]string, len(rs))
		for i, r := range rs {
			pairs[i] = [2]string{r.Start, r.End}
		}
		out[k] = pairs
	}
	return marshal(out)
}

func unmarshalRunPartitions(s string) (map[runtime.Key][]partition.Range, error) {
	var in map[runtime.Key][][2]string
	if err := unmarshal(s, &in); err != nil || len(in) == 0 {
		return nil, err
	}
	out := make(map[runtime.Key][]partition.Range, len(in))
	for k, pairs := range in {
		rs := make([]partition.Range, len(pairs))
		for i, p := range pairs {
			rs[i] = partition.Range{Start: p[0], End: p[1]}
		}
		out[k] = rs
	}
	return out, nil
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[runtime.Key]V) []runtime.Key {
	keys := make([]runtime.Key, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
