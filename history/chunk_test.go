package history

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// A chunk of format 1, written before records kept their config,
// decodes with none.
func TestChunkFormat1(t *testing.T) {
	// format, no words, one record: key "k", then zeros for idx, def, run,
	// time, code, data, inputs, last run, status, time and error.
	v1 := []byte{1, 0, 1, 1, 'k', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	got, err := decodeChunk(nil, string(v1))
	require.NoError(t, err)
	assert.Equal(t, []prec{{key: "k", pmeta: &pmeta{}}}, got)
	_, err = decodeChunk(nil, string(append([]byte{3}, v1[1:]...)))
	assert.ErrorIs(t, err, errChunk, "a format to come")
}

func TestChunkRoundTrip(t *testing.T) {
	recs := []prec{
		{key: "2024-01-01", pmeta: &pmeta{def: `Daily("2024-01-01")`, runID: "r1", code: "v1", config: `{"limit":"3"}`, lastRun: "r1", lastStatus: "success"}, idx: 1, time: 1000, data: "d1", inputs: string(appendInputs(nil, map[runtime.Key]string{"b": "vb", "a": "va"})), lastTime: 1000},
		{key: "2024-01-02", pmeta: &pmeta{runID: "r1", code: "v1", lastRun: "r2", lastStatus: "failed", lastError: "boom"}, time: 900, data: "d2", lastTime: 5000},
		{key: "2024-01-03", pmeta: &pmeta{lastRun: "r2", lastStatus: "canceled", lastError: "boom"}, lastTime: 4000},
	}
	data := encodeChunk(recs)
	got, err := decodeChunk(nil, string(data))
	require.NoError(t, err)
	assert.Equal(t, recs, got)
	assert.Equal(t, map[runtime.Key]string{"a": "va", "b": "vb"}, decodeInputs(got[0].inputs))
	v, ok := inputVersion(got[0].inputs, "b")
	assert.True(t, ok)
	assert.Equal(t, "vb", v)
	_, ok = inputVersion(got[0].inputs, "c")
	assert.False(t, ok)

	empty, err := decodeChunk(nil, string(encodeChunk(nil)))
	require.NoError(t, err)
	assert.Empty(t, empty)
	for _, bad := range [][]byte{nil, {2}, data[:len(data)-1], append(append([]byte{}, data...), 0)} {
		_, err := decodeChunk(nil, string(bad))
		assert.ErrorIs(t, err, errChunk, "%q", bad)
	}
}

// FuzzDecodeChunk: a damaged chunk is an error, never a panic, and what
// decodes encodes back to the same records.
func FuzzDecodeChunk(f *testing.F) {
	f.Add(encodeChunk(nil))
	f.Add(encodeChunk([]prec{{key: "eu", pmeta: &pmeta{runID: "r", lastRun: "r", lastStatus: "success"}, time: 5, data: "x", inputs: string(appendInputs(nil, map[runtime.Key]string{"a": "b"})), lastTime: 5}}))
	f.Add([]byte{chunkFormat, 200, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := decodeChunk(nil, string(data))
		if err != nil {
			return
		}
		again, err := decodeChunk(nil, string(encodeChunk(recs)))
		if err != nil {
			t.Fatalf("re-encoded records do not decode: %v", err)
		}
		if len(again) != len(recs) {
			t.Fatalf("%d records, then %d", len(recs), len(again))
		}
		for i := range recs {
			if !reflect.DeepEqual(again[i], recs[i]) {
				t.Fatalf("record %d: %+v, then %+v", i, recs[i], again[i])
			}
		}
		for i := range recs {
			eachInput(recs[i].inputs, func(string, string) bool { return true })
		}
	})
}

func step(run, part, status string, end int64) *Step {
	return &Step{RunID: run, Key: "a", Partition: part, Status: status, End: time.Unix(0, end), DataVersion: run + part, Error: status + " in " + run}
}

// The latest attempt wins; an older one changes nothing; the same run
// may record its step again (an output that landed).
func TestMerge(t *testing.T) {
	recs, changed := merge(nil, []*Step{step("r1", "b", "success", 10), step("r1", "d", "failed", 10)})
	require.True(t, changed)
	require.Len(t, recs, 2)
	assert.Equal(t, prec{key: "b", pmeta: &pmeta{runID: "r1", lastRun: "r1", lastStatus: "success"}, time: 10, data: "r1b", lastTime: 10}, recs[0])
	assert.Equal(t, prec{key: "d", pmeta: &pmeta{lastRun: "r1", lastStatus: "failed", lastError: "failed in r1"}, lastTime: 10}, recs[1])

	recs, changed = merge(recs, []*Step{
		step("r0", "b", "failed", 5),                                  // older
		step("r2", "c", "success", 20), step("r3", "c", "failed", 30), // two runs of one new partition in a batch
		step("r2", "d", "success", 20),
	})
	require.True(t, changed)
	require.Len(t, recs, 3)
	assert.Equal(t, "b", recs[0].key)
	assert.Equal(t, "r1", recs[0].lastRun, "the older attempt is ignored")
	assert.Equal(t, prec{key: "c", pmeta: &pmeta{runID: "r2", lastRun: "r3", lastStatus: "failed", lastError: "failed in r3"}, time: 20, data: "r2c", lastTime: 30}, recs[1])
	assert.Equal(t, prec{key: "d", pmeta: &pmeta{runID: "r2", lastRun: "r2", lastStatus: "success"}, time: 20, data: "r2d", lastTime: 20}, recs[2])

	_, changed = merge(recs, []*Step{step("r0", "b", "failed", 5)})
	assert.False(t, changed)
	// The same run again, though earlier: an output that landed.
	recs, changed = merge(recs, []*Step{step("r3", "c", "success", 25)})
	assert.True(t, changed)
	assert.Equal(t, prec{key: "c", pmeta: &pmeta{runID: "r3", lastRun: "r3", lastStatus: "success"}, time: 25, data: "r3c", lastTime: 25}, recs[1])
}

func TestSplit(t *testing.T) {
	recs := make([]prec, 2*chunkMax+10)
	for i := range recs {
		recs[i].key = fmt.Sprintf("k%04d", i)
	}
	var sizes []int
	for _, p := range split(recs) {
		sizes = append(sizes, len(p))
	}
	assert.Equal(t, []int{192, 192, 138}, sizes)
	assert.Equal(t, []int{chunkMax}, func() []int { return []int{len(split(recs[:chunkMax])[0])} }())
}

func TestDecodeChunkHugeCounts(t *testing.T) {
	for _, data := range [][]byte{
		{chunkFormat, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},    // words
		{chunkFormat, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // records
	} {
		_, err := decodeChunk(nil, string(data))
		assert.ErrorIs(t, err, errChunk)
	}
}

// Decoded records of a chunk share their repeated fields; an attempt
// recorded for one partition changes that partition's only.
func TestMergeSharedFields(t *testing.T) {
	recs, changed := merge(nil, []*Step{step("r1", "a", "success", 10), step("r1", "b", "success", 10)})
	require.True(t, changed)
	recs, err := decodeChunk(nil, string(encodeChunk(recs)))
	require.NoError(t, err)
	require.Len(t, recs, 2)
	require.Same(t, recs[0].pmeta, recs[1].pmeta, "shared")
	recs, changed = merge(recs, []*Step{step("r2", "a", "failed", 20)})
	require.True(t, changed)
	assert.Equal(t, "failed", recs[0].lastStatus)
	assert.Equal(t, prec{key: "b", pmeta: &pmeta{runID: "r1", lastRun: "r1", lastStatus: "success"}, time: 10, data: "r1b", lastTime: 10}, recs[1])
}
