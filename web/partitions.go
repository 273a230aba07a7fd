package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// partitionsJSON is a page of the partitions of one partitioned asset:
// consecutive partitions alike (history.Partitions.Groups) from index
// From, at most a limit of groups, as 'partitions ASSET' lists them.
type partitionsJSON struct {
	Asset  string              `json:"asset"`
	Counts *runview.Partitions `json:"counts"`
	First  string              `json:"first"` // the definition's first key
	Last   string              `json:"last"`  // and its last
	Status string              `json:"status,omitempty"`
	From   int                 `json:"from"`
	Groups []partitionGroup    `json:"groups"`
	// Next is the from= of the next page; nil on the last.
	Next *int `json:"next"`
	// Keys lists every key when there are few enough for a picker
	// (maxPickerKeys); empty otherwise.
	Keys []string `json:"keys,omitempty"`
}

// partitionGroup is a group of consecutive partitions alike.
type partitionGroup struct {
	First            string     `json:"first"` // its first key
	Last             string     `json:"last"`  // its last key (= First for one)
	Count            int        `json:"count"`
	Status           string     `json:"status"` // fresh, stale, failed or missing
	LastRun          string     `json:"last_run,omitempty"`
	LastMaterialized *time.Time `json:"last_materialized,omitempty"`
	Why              string     `json:"why,omitempty"`
}

// Range returns the group's keys as the command line writes them.
func (g partitionGroup) Range() string {
	if g.Count == 1 {
		return g.First
	}
	return g.First + partition.RangeSep + g.Last
}

const (
	// partitionGroups is how many groups a page shows by default, and
	// maxPartitionGroups the most it shows.
	partitionGroups    = 100
	maxPartitionGroups = 1000
	// maxPickerKeys bounds the keys offered in a picker's list.
	maxPickerKeys = 1000
)

// partitionStates parses a status filter: "failed,stale"; empty keeps
// every state.
func partitionStates(s string) (func(history.PartitionStatus) bool, error) {
	if s == "" {
		return nil, nil
	}
	var want [4]bool
	names := make([]string, 4)
	for st := range history.PartitionStatus(4) {
		names[st] = st.String()
	}
	for _, w := range strings.Split(s, ",") {
		i := slices.Index(names, strings.TrimSpace(w))
		if i < 0 {
			return nil, fmt.Errorf("status=%q: unknown partition state %q: want some of %s", s, w, strings.Join(names, ", "))
		}
		want[i] = true
	}
	return func(st history.PartitionStatus) bool { return want[st] }, nil
}

// errNotPartitioned is the error of the partitions of an asset that has
// none.
type errNotPartitioned runtime.Key

func (e errNotPartitioned) Error() string {
	return fmt.Sprintf("asset %s is not partitioned", string(e))
}

// partitions returns a page of the partitions of asset i, from the
// query's from=, status= and limit=. A query error is a *queryError.
func (s *Server) partitions(r *http.Request, i int, q url.Values) (*partitionsJSON, error) {
	if s.cat.defs[i].Partitions == nil {
		return nil, errNotPartitioned(s.cat.defs[i].Key)
	}
	from, err := intValue(q, "from", 0)
	if err != nil {
		return nil, &queryError{err}
	}
	limit, err := intValue(q, "limit", partitionGroups)
	if err != nil {
		return nil, &queryError{err}
	}
	limit = min(max(limit, 1), maxPartitionGroups)
	keep, err := partitionStates(q.Get("status"))
	if err != nil {
		return nil, &queryError{err}
	}
	states, err := s.cat.states(r.Context(), s.opts.Log)
	if err != nil {
		return nil, err
	}
	st := &states[i]
	p := st.Partitions
	if p == nil {
		// The keys cannot be listed (the dynamic keys cannot be read):
		// the causes say why.
		return nil, fmt.Errorf("the partitions of %s: %s", s.cat.defs[i].Key, why(st.Why))
	}
	out := &partitionsJSON{Asset: string(p.Key), Counts: st.Health, Status: q.Get("status"), From: from, Groups: []partitionGroup{}}
	if n := p.Len(); n > 0 {
		out.First, out.Last = p.Keys.Key(0), p.Keys.Key(n-1)
		if n <= maxPickerKeys {
			out.Keys = p.Keys.All()
		}
	}
	groups, next := p.Groups(from, p.Len(), limit, keep)
	for _, g := range groups {
		pg := partitionGroup{First: p.Keys.Key(g.First), Last: p.Keys.Key(g.Last), Count: g.Last - g.First + 1,
			Status: g.Status.String(), LastRun: g.Run, Why: g.Why()}
		if !g.Time.IsZero() {
			t := g.Time
			pg.LastMaterialized = &t
		}
		out.Groups = append(out.Groups, pg)
	}
	if next < p.Len() {
		out.Next = &next
	}
	return out, nil
}

// queryError is a bad query parameter.
type queryError struct{ err error }

func (e *queryError) Error() string { return e.err.Error() }

func (s *Server) apiPartitions(w http.ResponseWriter, r *http.Request) {
	key := runtime.Key(r.PathValue("key"))
	i, ok := s.cat.index[key]
	if !ok {
		apiError(w, http.StatusNotFound, fmt.Errorf("no asset %q", key))
		return
	}
	v, err := s.partitions(r, i, r.URL.Query())
	switch err.(type) {
	case nil:
		writeJSON(w, http.StatusOK, v)
	case *queryError, errNotPartitioned:
		apiError(w, http.StatusBadRequest, err)
	default:
		apiError(w, http.StatusInternalServerError, err)
	}
}

// requestPartitions returns the partitions a launch page's query or form
// asks for: partitions=, else start= and end= (a range, or one key when
// only one is given, or both are the same).
func requestPartitions(v url.Values) string {
	if p := strings.TrimSpace(v.Get("partitions")); p != "" {
		return p
	}
	start, end := strings.TrimSpace(v.Get("start")), strings.TrimSpace(v.Get("end"))
	switch {
	case start == "" || start == end:
		return end
	case end == "":
		return start
	}
	return start + partition.RangeSep + end
}
