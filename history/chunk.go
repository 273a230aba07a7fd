package history

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// The latest records of the partitions of an asset are kept in chunks:
// rows of the partition_states table, each holding the records of a
// range of partition keys in one blob, sorted by key. Status reads the
// few hundred chunks of an asset of 100,000 partitions instead of as many
// rows (reading rows one by one costs several microseconds each), and a
// batch of steps rewrites only the chunks its partitions fall in: a
// backfill writes consecutive keys, which share chunks.
//
// A chunk is found by its lo, the least key it may hold: the chunk of a
// key is the one with the greatest lo not above it (keys compare as
// bytes). The first chunk of an asset has lo "\x00", below every key (no
// key holds a control character). A chunk that grows past chunkMax
// records is split in halves.

// chunkMax is the number of records past which a chunk is split.
const chunkMax = 256

// chunkFormat is the first byte of a chunk, its encoding's version: 2
// adds each record's config; a chunk of format 1 decodes with none, and is
// written as 2 when next rewritten.
const chunkFormat = 2

// firstLo is the lo of an asset's first chunk.
var firstLo = []byte{0}

// prec is the record of one partition, as a chunk holds it: the fields of
// Asset, with strings that share the chunk's memory. The fields that
// repeat from one partition to the next (a run writes many) are in a
// pmeta that consecutive records share, which keeps a record small: status
// decodes 100,000 of them, and the garbage collector scans them.
type prec struct {
	key    string // the partition key
	*pmeta        // never nil, never changed once set: apply replaces it
	idx    int32  // the partition's index in the keys of def, plus one; 0 when unknown
	time   int64  // the end of the last successful materialization, Unix nanoseconds
	data   string
	// inputs are the input versions, encoded (see appendInputs).
	inputs   string
	lastTime int64
}

// pmeta holds the fields of a partition record that records share: the
// chunk's dictionary words (see encodeChunk).
type pmeta struct {
	def   string // the partitions definition (Definition.String) when it was recorded
	runID string // the last successful materialization; "" when none
	code  string
	// config is the run config of the materialization, as JSON (see
	// Step.Config); it counts in the logical version, as the code's.
	config     string
	lastRun    string
	lastStatus string
	lastError  string
}

// materialized reports whether the partition has a successful
// materialization.
func (p *prec) materialized() bool { return p.runID != "" }

// apply updates p with the finished attempt s of its partition, as the
// assets table's upserts do for unpartitioned assets: a later attempt
// replaces the last, and so does a step of the same run written again (an
// output that landed, recorded by Reconcile). It reports whether p
// changed.
func (p *prec) apply(s *Step) bool {
	var m pmeta
	if p.pmeta != nil {
		m = *p.pmeta
	}
	end := ns(s.End)
	if m.lastRun != "" && end < p.lastTime && s.RunID != m.lastRun {
		return false // an older attempt
	}
	if s.Status == "success" {
		m.runID, m.code, m.config = s.RunID, s.CodeVersion, s.Config
		p.time, p.data = end, s.DataVersion
		p.inputs = string(appendInputs(nil, s.InputVersions))
		m.lastError = ""
	} else {
		m.lastError = s.Error
	}
	m.lastRun, m.lastStatus, p.lastTime = s.RunID, s.Status, end
	if s.pidx > 0 {
		p.idx, m.def = s.pidx, s.pdef
	}
	p.pmeta = &m
	return true
}

// appendInputs appends the input versions m, sorted by key: a count, then
// each key and version, each a length and its bytes.
func appendInputs(b []byte, m map[runtime.Key]string) []byte {
	if len(m) == 0 {
		return b
	}
	keys := make([]runtime.Key, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = appendString(b, string(k))
		b = appendString(b, m[k])
	}
	return b
}

// eachInput calls fn with each input key and version of the encoded
// inputs s, in key order, until fn returns false. It reports false when s
// is malformed.
func eachInput(s string, fn func(key, version string) bool) bool {
	if s == "" {
		return true
	}
	d := decoder{s: s}
	n := d.uvarint()
	for range n {
		k, v := d.str(), d.str()
		if d.err != nil {
			return false
		}
		if !fn(k, v) {
			return true
		}
	}
	return d.err == nil
}

// inputVersion returns the version of input key in the encoded inputs s.
func inputVersion(s, key string) (string, bool) {
	var out string
	found := false
	eachInput(s, func(k, v string) bool {
		if k == key {
			out, found = v, true
			return false
		}
		return k < key
	})
	return out, found
}

// decodeInputs returns the encoded inputs s as a map; nil when none.
func decodeInputs(s string) map[runtime.Key]string {
	var m map[runtime.Key]string
	eachInput(s, func(k, v string) bool {
		if m == nil {
			m = map[runtime.Key]string{}
		}
		m[runtime.Key(k)] = v
		return true
	})
	return m
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// encodeChunk encodes recs, sorted by key: the format byte, a dictionary
// of the strings that repeat (runs, code versions, statuses, errors,
// definitions; index 0 is ""), then each record.
func encodeChunk(recs []prec) []byte {
	dict := map[string]uint64{"": 0}
	var words []string
	id := func(s string) uint64 {
		if i, ok := dict[s]; ok {
			return i
		}
		words = append(words, s)
		dict[s] = uint64(len(words))
		return uint64(len(words))
	}
	body := make([]byte, 0, 64*len(recs))
	body = binary.AppendUvarint(body, uint64(len(recs)))
	var prev int64
	for i := range recs {
		p := &recs[i]
		body = appendString(body, p.key)
		body = binary.AppendUvarint(body, uint64(p.idx))
		body = binary.AppendUvarint(body, id(p.def))
		body = binary.AppendUvarint(body, id(p.runID))
		body = binary.AppendVarint(body, p.time-prev)
		prev = p.time
		body = binary.AppendUvarint(body, id(p.code))
		body = binary.AppendUvarint(body, id(p.config))
		body = appendString(body, p.data)
		body = appendString(body, p.inputs)
		body = binary.AppendUvarint(body, id(p.lastRun))
		body = binary.AppendUvarint(body, id(p.lastStatus))
		body = binary.AppendVarint(body, p.lastTime-p.time)
		body = binary.AppendUvarint(body, id(p.lastError))
	}
	n := 1 + binary.MaxVarintLen64 + len(body)
	for _, w := range words {
		n += binary.MaxVarintLen64 + len(w)
	}
	out := make([]byte, 0, n)
	out = append(out, chunkFormat)
	out = binary.AppendUvarint(out, uint64(len(words)))
	for _, w := range words {
		out = appendString(out, w)
	}
	return append(out, body...)
}

// errChunk is the error of a chunk that cannot be decoded.
var errChunk = errors.New("malformed partition records")

// decodeChunk appends the records of chunk data to recs. The records'
// strings share data's memory.
func decodeChunk(recs []prec, data string) ([]prec, error) {
	if len(data) == 0 || data[0] < 1 || data[0] > chunkFormat {
		return recs, errChunk
	}
	format := data[0]
	d := decoder{s: data, i: 1}
	nw := d.uvarint()
	if d.err != nil || nw > uint64(len(d.s)) {
		return recs, errChunk
	}
	words := make([]string, 1+nw)
	for i := 1; i < len(words); i++ {
		words[i] = d.str()
	}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)) {
		return recs, errChunk
	}
	if cap(recs)-len(recs) < int(n) {
		recs = slices.Grow(recs, max(int(n), len(recs))) // doubling
	}
	var prev int64
	n0 := len(recs)
	var m *pmeta      // that of the record before
	var ids [7]uint64 // its words
	for range n {
		// Decoded in place (copying a record in costs as much as decoding
		// it), into room made above: every field is set below.
		recs = recs[:len(recs)+1]
		p := &recs[len(recs)-1]
		p.key = d.str()
		idx := d.uvarint()
		if idx > 1<<31-1 {
			d.err = errChunk
		}
		p.idx = int32(idx)
		var w [7]uint64
		w[0] = d.uvarint() // def
		w[1] = d.uvarint() // run
		p.time = prev + d.varint()
		prev = p.time
		w[2] = d.uvarint() // code
		if format >= 2 {
			w[3] = d.uvarint() // config
		}
		p.data = d.str()
		p.inputs = d.str()
		w[4] = d.uvarint() // last run
		w[5] = d.uvarint() // last status
		p.lastTime = p.time + d.varint()
		w[6] = d.uvarint() // last error
		if m == nil || w != ids {
			for _, i := range w {
				if i >= uint64(len(words)) {
					d.err = errChunk
				}
			}
			if d.err != nil {
				return recs[:n0], errChunk
			}
			m = &pmeta{def: words[w[0]], runID: words[w[1]], code: words[w[2]], config: words[w[3]],
				lastRun: words[w[4]], lastStatus: words[w[5]], lastError: words[w[6]]}
			ids = w
		}
		p.pmeta = m
		if d.err != nil {
			return recs[:n0], errChunk
		}
	}
	if d.i != len(d.s) {
		return recs[:n0], errChunk
	}
	return recs, nil
}

// decoder reads the encodings of this file from s, keeping the first
// error.
type decoder struct {
	s   string
	i   int
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for {
		if d.i >= len(d.s) || shift > 63 {
			d.err = errChunk
			return 0
		}
		c := d.s[d.i]
		d.i++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
		shift += 7
	}
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.i) {
		d.err = errChunk
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

// merge applies the finished attempts ups, sorted by partition key, to
// recs, sorted likewise, and returns the records (a new slice when any
// was added) and whether anything changed.
func merge(recs []prec, ups []*Step) ([]prec, bool) {
	changed := false
	var added []prec
	i := 0
	for _, s := range ups {
		i += sortSearch(recs[i:], s.Partition)
		if i < len(recs) && recs[i].key == s.Partition {
			if recs[i].apply(s) {
				changed = true
			}
			continue
		}
		if n := len(added); n > 0 && added[n-1].key == s.Partition {
			added[n-1].apply(s) // attempts of several runs in one batch
			continue
		}
		p := prec{key: s.Partition}
		p.apply(s)
		added = append(added, p)
		changed = true
	}
	if len(added) == 0 {
		return recs, changed
	}
	out := make([]prec, 0, len(recs)+len(added))
	i = 0
	for _, p := range added {
		j := i + sortSearch(recs[i:], p.key)
		out = append(out, recs[i:j]...)
		out = append(out, p)
		i = j
	}
	return append(out, recs[i:]...), true
}

// sortSearch returns the index of the first record of recs whose key is
// not below key.
func sortSearch(recs []prec, key string) int {
	lo, hi := 0, len(recs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if strings.Compare(recs[m].key, key) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
