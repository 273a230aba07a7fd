package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// parsePages parses each page's template with the base layout.
func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"time":     fmtTime,
		"duration": fmtMS,
		"since":    func(t time.Time) string { return fmtMS(runview.MS(time.Since(t))) + " ago" },
		"assetURL": assetURL,
		"runURL":   func(id string) string { return "/runs/" + url.PathEscape(id) },
		"join":     strings.Join,
		"short":    shortID,
		"metadata": fmtMetadata,
		"inc":      func(i int) int { return i + 1 },
		"counts":   partitionCounts,
	}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := path.Base(n)
		if name == "base.html" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/base.html", n)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		pages[strings.TrimSuffix(name, ".html")] = t
	}
	return pages, nil
}

// page is what every page's template gets.
type page struct {
	Title     string
	Name      string // the pipeline's
	Nav       string // the menu entry to highlight
	CanLaunch bool
	Automates bool // there is an Automation page
}

func (s *Server) page(title, nav string) page {
	return page{Title: title, Name: s.opts.Name, Nav: nav, CanLaunch: s.opts.Runner != nil, Automates: s.opts.Automation != nil}
}

// render writes page name with data, or an error page.
func (s *Server) render(w http.ResponseWriter, code int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "base.html", data); err != nil {
		http.Error(w, "rendering the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

type errorView struct {
	page
	Message string
}

func (s *Server) errorPage(w http.ResponseWriter, code int, err error) {
	s.render(w, code, "error", errorView{page: s.page(http.StatusText(code), ""), Message: err.Error()})
}

// selectError is a selection error as the pages show it.
type selectError struct {
	Message string // the message without the expression
	Column  int
	Expr    string
	Caret   string // spaces up to the column, for a caret below Expr
}

func newSelectError(err error) *selectError {
	se := selectionError(err)
	if se == nil {
		return &selectError{Message: err.Error()}
	}
	return &selectError{Message: se.Msg, Column: se.Col(), Expr: se.Expr, Caret: strings.Repeat(" ", se.Col()-1)}
}

// catalogView is the catalog page.
type catalogView struct {
	page
	Select   string
	Error    *selectError
	GroupBy  string // "group" or "prefix"
	Sections []section
	Shown    int
	Total    int
	Counts   map[string]int
}

type section struct {
	Name   string
	Select string // the selection of the whole section
	Count  int    // its assets
	Assets []assetJSON
}

// maxRows bounds the assets the catalog page lists: past it, sections
// show their counts and a link to the section alone.
const maxRows = 1000

func (s *Server) catalogPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := catalogView{page: s.page("Assets", "assets"), Select: q.Get("select"), GroupBy: q.Get("by"), Total: len(s.cat.defs), Counts: map[string]int{}}
	if v.GroupBy != "prefix" {
		v.GroupBy = "group"
	}
	sel, err := s.cat.selectSet(v.Select)
	code := http.StatusOK
	if err != nil {
		v.Error, code = newSelectError(err), http.StatusBadRequest
		sel = make([]bool, len(s.cat.defs))
	}
	states, err := s.cat.states(r.Context(), s.opts.Log)
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	}
	fresh, err := s.freshness(r.Context(), time.Now())
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	}
	bySection := map[string]*section{}
	for i, d := range s.cat.defs {
		if !sel[i] {
			continue
		}
		name := d.GroupName()
		if v.GroupBy == "prefix" {
			name = keyPrefix(d.Key)
		}
		sec := bySection[name]
		if sec == nil {
			sec = &section{Name: name, Select: "group:" + quoteValue(name)}
			if v.GroupBy == "prefix" {
				sec.Select = "key:" + quoteValue(name+"/*")
				if name == "/" {
					sec.Select = "not key:" + quoteValue("*/*")
				}
			}
			bySection[name] = sec
		}
		a := s.cat.assetJSON(i, &states[i])
		if f, ok := fresh[d.Key]; ok && f.Overdue {
			a.Overdue = &f
			v.Counts["overdue"]++
		}
		sec.Assets = append(sec.Assets, a)
		v.Counts[states[i].Status]++
		v.Shown++
	}
	for _, sec := range bySection {
		slices.SortFunc(sec.Assets, func(a, b assetJSON) int { return strings.Compare(a.Key, b.Key) })
		sec.Count = len(sec.Assets)
		v.Sections = append(v.Sections, *sec)
	}
	sort.Slice(v.Sections, func(i, j int) bool { return v.Sections[i].Name < v.Sections[j].Name })
	rows := 0
	for i := range v.Sections {
		sec := &v.Sections[i]
		sec.Assets = sec.Assets[:min(len(sec.Assets), max(maxRows-rows, 0))]
		rows += len(sec.Assets)
	}
	s.render(w, code, "catalog", v)
}

// quoteValue quotes a selection value when it needs quotes.
func quoteValue(s string) string {
	if strings.ContainsAny(s, " \t()\"'+,:=<>@") || s == "" {
		return strconv.Quote(s)
	}
	return s
}

// keyPrefix returns the key's path without its last component, or "/".
func keyPrefix(k runtime.Key) string {
	if i := strings.LastIndexByte(string(k), '/'); i >= 0 {
		return string(k[:i])
	}
	return "/"
}

type lineageView struct {
	page
	Select string
	Error  *selectError
}

func (s *Server) lineagePage(w http.ResponseWriter, r *http.Request) {
	v := lineageView{page: s.page("Lineage", "lineage"), Select: r.URL.Query().Get("select")}
	code := http.StatusOK
	if _, err := s.cat.layout(v.Select); err != nil {
		v.Error, code = newSelectError(err), http.StatusBadRequest
	}
	s.render(w, code, "lineage", v)
}

// assetView is the asset page.
type assetView struct {
	page
	A *assetDetail
	// Series holds, for each numeric metadata key, the points
	// [unix seconds, value] of the successful materializations, oldest
	// first, for the plot.
	Series map[string][][2]float64
	// Parts is a page of a partitioned asset's partitions (the query's
	// from=, status=), PartsErr why they cannot be shown.
	Parts    *partitionsJSON
	PartsErr string
	States   []string // the partition states, for the filter
	// Auto is the asset's automation; nil when it has none.
	Auto *assetAutomation
}

func (s *Server) assetPage(w http.ResponseWriter, r *http.Request) {
	key := runtime.Key(r.PathValue("key"))
	a, ok, err := s.assetDetail(r, key)
	switch {
	case err != nil:
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	case !ok:
		s.errorPage(w, http.StatusNotFound, fmt.Errorf("no asset %q in this pipeline", key))
		return
	}
	v := assetView{page: s.page(string(key), "assets"), A: a, Series: map[string][][2]float64{}}
	if v.Auto, err = s.assetAutomation(r.Context(), key); err != nil {
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	}
	code := http.StatusOK
	if i := s.cat.index[key]; s.cat.defs[i].Partitions != nil {
		for st := range history.PartitionStatus(4) {
			v.States = append(v.States, st.String())
		}
		parts, err := s.partitions(r, i, r.URL.Query())
		if _, bad := err.(*queryError); bad {
			code = http.StatusBadRequest
		}
		if err != nil {
			v.PartsErr = err.Error()
		}
		v.Parts = parts
	}
	for i := len(a.Materializations) - 1; i >= 0; i-- {
		m := a.Materializations[i]
		if m.Status != "success" || m.End == nil {
			continue
		}
		for k, val := range m.Metadata {
			if f, ok := val.(float64); ok {
				v.Series[k] = append(v.Series[k], [2]float64{float64(m.End.UnixMilli()) / 1000, f})
			}
		}
	}
	s.render(w, code, "asset", v)
}

type runsView struct {
	page
	All      bool // every pipeline's runs, not only this one's
	Status   string
	Statuses []string
	Runs     []runview.Run
	Limit    int
	Error    string
}

func (s *Server) runsPage(w http.ResponseWriter, r *http.Request) {
	v := runsView{page: s.page("Runs", "runs"), All: allPipelines(r), Status: r.URL.Query().Get("status"), Statuses: runStatuses}
	limit, err := intParam(r, "limit", 100)
	if err != nil {
		s.errorPage(w, http.StatusBadRequest, err)
		return
	}
	v.Limit = limit
	runs, err := s.listRuns(r, v.Status, limit)
	if err != nil {
		s.errorPage(w, http.StatusBadRequest, err)
		return
	}
	for i := range runs {
		v.Runs = append(v.Runs, runview.NewRun(&runs[i]))
	}
	s.render(w, http.StatusOK, "runs", v)
}

type runPageView struct {
	page
	ID   string
	Data any // runView and lines, for the script
}

func (s *Server) runPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	v := runPageView{page: s.page("Run "+shortID(id), "runs"), ID: id}
	rv, err := s.runView(r, id)
	switch {
	case errors.Is(err, history.ErrNotFound) && s.wasLaunched(id):
		v.Data = map[string]any{"run": nil, "lines": []runview.Line{}}
	case err != nil:
		s.errorPage(w, notFoundCode(err), err)
		return
	default:
		lines, err := s.opts.Log.Logs(r.Context(), id, history.LogQuery{Limit: maxLines})
		if err != nil {
			s.errorPage(w, http.StatusInternalServerError, err)
			return
		}
		v.Data = map[string]any{"run": rv.Run, "steps": rv.Steps, "lines": runview.NewLines(lines)}
	}
	s.render(w, http.StatusOK, "run", v)
}

type launchView struct {
	page
	Select     string
	Partitions string // the partitions asked for (Request.Partitions)
	Config     string // the run config asked for (Request.Config)
	// Schema lists the config fields the selection's assets, their
	// checks and resources take, for the config field's help.
	Schema []configRow
	Error  *selectError
	Plan   []PlanStep // its first maxPlanRows steps
	Steps  int        // of the whole plan
	// Partitioned lists the partitioned assets of the selection, for
	// the picker; PlanAssets the partitioned assets of the plan.
	Partitioned []pickAsset
	PlanAssets  []planAsset
	// Keys lists the keys of the first partitioned asset of the
	// selection, when it has at most maxPickerKeys, for the picker's
	// suggestions.
	Keys []string
}

// pickAsset is a partitioned asset as the picker describes it.
type pickAsset struct {
	Key         string
	Count       int
	First, Last string
}

// planAsset counts the steps and partitions of a partitioned asset in a
// plan.
type planAsset struct {
	Asset             string
	Steps, Partitions int
}

// configRow is one config field as the launch page describes it.
type configRow struct {
	Name, Type, Default, Doc string
}

// setSchema lists the config fields of the assets of the selection of
// v, as --config files name them; nothing for a bad selection.
func (s *Server) setSchema(v *launchView) {
	sel, err := s.cat.selectSet(v.Select)
	if err != nil {
		return
	}
	var defs []*runtime.AssetDef
	for i, d := range s.cat.defs {
		if sel[i] {
			defs = append(defs, d)
		}
	}
	schema := runtime.ConfigSchema(defs)
	secs := make([]string, 0, len(schema))
	for sec := range schema {
		secs = append(secs, sec)
	}
	sort.Strings(secs)
	for _, sec := range secs {
		for _, f := range schema[sec] {
			v.Schema = append(v.Schema, configRow{Name: sec + "." + f.Name, Type: f.Type, Default: f.Shown(), Doc: f.Doc})
		}
	}
}

// maxPlanRows bounds the steps the launch page lists: a backfill of
// 100,000 partitions lists its first steps and counts the rest.
const maxPlanRows = 1000

func (s *Server) launchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := launchView{page: s.page("Launch a run", "launch"), Select: q.Get("select"), Partitions: requestPartitions(q), Config: q.Get("config")}
	s.setSchema(&v)
	code := http.StatusOK
	if s.opts.Runner == nil {
		v.Error = &selectError{Message: errNoRunner.Error()}
	} else if _, ok := q["select"]; ok {
		if err := s.pickers(r, &v); err != nil {
			s.errorPage(w, http.StatusInternalServerError, err)
			return
		}
		plan, err := s.plan(r, Request{Select: v.Select, Partitions: v.Partitions, Config: v.Config})
		if err != nil {
			v.Error, code = newSelectError(err), http.StatusBadRequest
		} else {
			v.setPlan(plan)
		}
	}
	s.render(w, code, "launch", v)
}

// pickers fills the picker of v: the partitioned assets its selection
// holds. A bad selection leaves it empty (the plan reports it).
func (s *Server) pickers(r *http.Request, v *launchView) error {
	sel, err := s.cat.selectSet(v.Select)
	if err != nil {
		return nil
	}
	var states []assetState
	for i, d := range s.cat.defs {
		if !sel[i] || d.Partitions == nil {
			continue
		}
		if states == nil {
			if states, err = s.cat.states(r.Context(), s.opts.Log); err != nil {
				return err
			}
		}
		p := states[i].Partitions
		if p == nil || p.Len() == 0 {
			continue
		}
		n := p.Len()
		v.Partitioned = append(v.Partitioned, pickAsset{Key: string(d.Key), Count: n, First: p.Keys.Key(0), Last: p.Keys.Key(n - 1)})
		if len(v.Partitioned) == 1 && n <= maxPickerKeys {
			v.Keys = p.Keys.All()
		}
	}
	return nil
}

// setPlan keeps the first steps of plan and counts the partitioned
// assets' steps and partitions.
func (v *launchView) setPlan(plan []PlanStep) {
	v.Steps = len(plan)
	v.Plan = plan[:min(len(plan), maxPlanRows)]
	index := map[string]int{}
	for _, st := range plan {
		if st.Partition == "" {
			continue
		}
		i, ok := index[st.Asset]
		if !ok {
			i = len(v.PlanAssets)
			index[st.Asset] = i
			v.PlanAssets = append(v.PlanAssets, planAsset{Asset: st.Asset})
		}
		v.PlanAssets[i].Steps++
		v.PlanAssets[i].Partitions += max(st.Partitions, 1)
	}
}

// launchForm launches the run the launch page's form asks for and sends
// the browser to its page.
func (s *Server) launchForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, http.StatusBadRequest, err)
		return
	}
	req := Request{Select: r.PostForm.Get("select"), Partitions: requestPartitions(r.PostForm), Config: r.PostForm.Get("config")}
	id, err := s.launch(r, req)
	if err != nil {
		v := launchView{page: s.page("Launch a run", "launch"), Select: req.Select, Partitions: req.Partitions, Config: req.Config, Error: newSelectError(err)}
		s.setSchema(&v)
		s.render(w, http.StatusUnprocessableEntity, "launch", v)
		return
	}
	http.Redirect(w, r, "/runs/"+url.PathEscape(id), http.StatusSeeOther)
}

// assetURL is the page of key; its slashes stay slashes.
func assetURL(key string) string {
	parts := strings.Split(key, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "/assets/" + strings.Join(parts, "/")
}

func fmtTime(t any) string {
	var tt time.Time
	switch v := t.(type) {
	case time.Time:
		tt = v
	case *time.Time:
		if v == nil {
			return "-"
		}
		tt = *v
	}
	if tt.IsZero() {
		return "-"
	}
	return tt.Local().Format("2006-01-02 15:04:05")
}

// fmtMS formats milliseconds for people.
func fmtMS(ms float64) string {
	d := time.Duration(ms * float64(time.Millisecond))
	switch {
	case d >= time.Hour:
		return d.Round(time.Minute).String()
	case d >= time.Minute:
		return d.Round(time.Second).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}

func shortID(id string) string {
	if len(id) > 13 {
		return id[:13] + "…"
	}
	return id
}

// fmtMetadata formats metadata as sorted key=value pairs.
func fmtMetadata(m runtime.Metadata) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		v := runview.Value(m[k])
		if r := []rune(v); len(r) > 80 {
			v = string(r[:79]) + "…"
		}
		parts[i] = k + "=" + v
	}
	return strings.Join(parts, " ")
}

// partitionCounts returns the counts of p in the words of 'status':
// "58 materialized (3 stale), 1 failed, 1 missing of 60".
func partitionCounts(p *runview.Partitions) string {
	return history.PartitionCounts{Total: p.Total, Fresh: p.Fresh, Stale: p.Stale, Failed: p.Failed, Missing: p.Missing}.String()
}
