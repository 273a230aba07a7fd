package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/runtime"
)

// automationView is the Automation page: what `pipeline automation`
// lists, from the same automation.Daemon.Statuses.
type automationView struct {
	page
	Statuses []automation.Status
	Overdue  map[string]automation.FreshnessResult // freshness now, by asset key
}

func (s *Server) automationPage(w http.ResponseWriter, r *http.Request) {
	d := s.opts.Automation
	if d == nil {
		s.errorPage(w, http.StatusNotFound, fmt.Errorf("this pipeline declares no schedule, sensor, condition or freshness policy"))
		return
	}
	now := time.Now()
	list, err := d.Statuses(r.Context(), now)
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	}
	fresh, err := s.freshness(r.Context(), now)
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError, err)
		return
	}
	v := automationView{page: s.page("Automation", "automation"), Statuses: list, Overdue: map[string]automation.FreshnessResult{}}
	for k, f := range fresh {
		v.Overdue[string(k)] = f
	}
	s.render(w, http.StatusOK, "automation", v)
}

// automationForm pauses or resumes one schedule, sensor or condition
// (name= KIND:NAME, action= pause or resume), as `pipeline automation
// pause|resume` does, and goes back to the Automation page.
func (s *Server) automationForm(w http.ResponseWriter, r *http.Request) {
	d := s.opts.Automation
	if d == nil {
		s.errorPage(w, http.StatusNotFound, fmt.Errorf("this pipeline declares no schedule, sensor, condition or freshness policy"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, http.StatusBadRequest, err)
		return
	}
	action := r.PostForm.Get("action")
	if action != "pause" && action != "resume" {
		s.errorPage(w, http.StatusBadRequest, fmt.Errorf("action %q: want pause or resume", action))
		return
	}
	if _, err := d.SetPaused(r.Context(), r.PostForm.Get("name"), action == "pause"); err != nil {
		s.errorPage(w, http.StatusBadRequest, err)
		return
	}
	http.Redirect(w, r, "/automation", http.StatusSeeOther)
}

// apiAutomation writes the statuses (as `automation --json`) and each
// asset's freshness (as `status --json`'s freshness).
func (s *Server) apiAutomation(w http.ResponseWriter, r *http.Request) {
	d := s.opts.Automation
	if d == nil {
		apiError(w, http.StatusNotFound, fmt.Errorf("this pipeline declares no schedule, sensor, condition or freshness policy"))
		return
	}
	now := time.Now()
	list, err := d.Statuses(r.Context(), now)
	if err == nil && list == nil {
		list = []automation.Status{}
	}
	fresh, ferr := s.freshness(r.Context(), now)
	if err == nil {
		err = ferr
	}
	if err != nil {
		apiError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"automation": list, "freshness": fresh})
}

// freshness returns the freshness at now of the assets with a policy;
// none without a daemon.
func (s *Server) freshness(ctx context.Context, now time.Time) (map[runtime.Key]automation.FreshnessResult, error) {
	if s.opts.Automation == nil {
		return nil, nil
	}
	return s.opts.Automation.Freshness(ctx, now)
}

// assetAutomation is what the asset page shows of its automation: its
// condition with its latest evaluation, and its freshness policy with
// the freshness now. Nil fields are not declared.
type assetAutomation struct {
	Condition *automation.Status
	Policy    *automation.Status
	Freshness *automation.FreshnessResult
}

// assetAutomation returns key's automation, or nil when it has none.
func (s *Server) assetAutomation(ctx context.Context, key runtime.Key) (*assetAutomation, error) {
	d := s.opts.Automation
	if d == nil {
		return nil, nil
	}
	now := time.Now()
	list, err := d.Statuses(ctx, now)
	if err != nil {
		return nil, err
	}
	var a assetAutomation
	for i := range list {
		switch st := &list[i]; {
		case st.Name != string(key):
		case st.Kind == automation.KindCondition:
			a.Condition = st
		case st.Kind == automation.KindFreshness:
			a.Policy = st
		}
	}
	if a.Policy != nil {
		fresh, err := d.Freshness(ctx, now)
		if err != nil {
			return nil, err
		}
		if f, ok := fresh[key]; ok {
			a.Freshness = &f
		}
	}
	if a.Condition == nil && a.Policy == nil {
		return nil, nil
	}
	return &a, nil
}
