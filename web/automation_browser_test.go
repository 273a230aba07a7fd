package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reloadUntil opens url again until expr is true on it: the daemon of
// serve acts on its own time.
func reloadUntil(url, expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(timeout)
		for {
			if _, err := chromedp.Navigate(url)(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			ok, err := chromedp.Evaluate[bool](expr)(ctx, t)
			if err == nil && ok {
				return chromedp.Void{}, nil
			}
			if time.Now().After(deadline) {
				return chromedp.Void{}, fmt.Errorf("waiting %v for %s on %s: last %v, %v", timeout, expr, url, ok, err)
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
}

// TestBrowserAutomation: the daemon that serve runs acts on the
// directive's automation= and freshness= options; the Automation page
// lists them with their last results and pauses and resumes them; an
// asset's page shows its condition, latest evaluation and freshness; the
// catalog flags the overdue assets. A partition key of markup appears
// in an evaluation's reason and runs nothing.
func TestBrowserAutomation(t *testing.T) {
	base := serveBinary(t, "PIPELINE_AUTOMATION=1", "PIPELINE_PARTITIONS=1")
	ctx := browser(t)
	row := func(kind, name string) string {
		return fmt.Sprintf(`document.querySelector('#automation tr[data-kind=%q][data-name=%q]')`, kind, name)
	}

	// raw/orders is missing: launched at once; then orders, eager.
	do(t, ctx, reloadUntil(base+"/automation",
		row("condition", "raw/orders")+`.querySelector("td.result").textContent.includes("materialized") && `+
			row("condition", "orders")+`.querySelector("td.result").textContent.includes("up to date with its upstreams")`, patience))
	assert.Equal(t, "OnMissing()", run(t, ctx, chromedp.Evaluate[string](row("condition", "raw/orders")+`.querySelector("code").textContent`)))
	assert.Equal(t, "Eager()", run(t, ctx, chromedp.Evaluate[string](row("condition", "orders")+`.querySelector("code").textContent`)))
	report := run(t, ctx, chromedp.Evaluate[string](row("freshness", "report")+`.querySelector("td.result").textContent`))
	assert.Contains(t, report, "overdue")
	assert.Contains(t, report, "never materialized")
	assert.NotEqual(t, "-", run(t, ctx, chromedp.Evaluate[string](row("freshness", "report")+`.querySelectorAll("td")[3].textContent`)), "the next deadline, in the Next column")
	regions := run(t, ctx, chromedp.Evaluate[string](row("condition", "regions")+`.textContent`))
	assert.Contains(t, regions, "OnMissing()")
	shoot(t, ctx, "automation")

	// Pause orders, as 'automation pause condition:orders' would; resume.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#automation tr[data-kind="condition"][data-name="orders"] button`)),
		wait(row("condition", "orders")+`?.dataset.paused === "1"`, patience),
	)
	assert.True(t, pausedInAPI(t, base, "orders"), "orders not paused in /api/automation")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#automation tr[data-kind="condition"][data-name="orders"] button`)),
		wait(row("condition", "orders")+` && !`+row("condition", "orders")+`.dataset.paused`, patience),
	)
	assert.False(t, pausedInAPI(t, base, "orders"), "orders still paused in /api/automation")

	// An asset's page: its condition, its latest evaluation, its
	// freshness now.
	do(t, ctx, chromedp.Navigate(base+"/assets/raw/orders"), chromedp.WaitVisible(chromedp.CSS(`#automation`)))
	box := run(t, ctx, chromedp.Text(chromedp.CSS(`#automation`)))
	assert.Contains(t, box, "OnMissing()")
	assert.Contains(t, box, "at most 1h0m0s old")
	assert.Contains(t, run(t, ctx, chromedp.Text(chromedp.CSS(`#evaluation`))), "materialized")
	fresh := run(t, ctx, chromedp.Text(chromedp.CSS(`#freshness`)))
	assert.Equal(t, "fresh", run(t, ctx, chromedp.Text(chromedp.CSS(`#freshness .st`))))
	assert.Contains(t, fresh, "overdue after") // the next deadline, once
	assert.NotContains(t, fresh, "next deadline")
	shoot(t, ctx, "asset-automation")
	do(t, ctx, chromedp.Navigate(base+"/assets/report"), chromedp.WaitVisible(chromedp.CSS(`#freshness`)))
	assert.Contains(t, run(t, ctx, chromedp.Text(chromedp.CSS(`#freshness`))), "overdue since")

	// The catalog flags report, overdue, and not raw/orders.
	do(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`table.assets`)))
	overdue := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.assets tbody tr")].filter(r => r.querySelector(".st.overdue")).map(r => r.dataset.key)`))
	assert.Equal(t, []string{"report"}, overdue)

	// The markup partition key of regions is in its evaluation's reason
	// (once requested), shown as text.
	for _, page := range []string{"/automation", "/assets/regions"} {
		do(t, ctx, chromedp.Navigate(base+page), chromedp.WaitVisible(chromedp.CSS(`main`)))
		assert.Equal(t, "undefined", run(t, ctx, chromedp.Evaluate[string](`typeof window.__xss`)), "script ran on %s", page)
	}
}

// pausedInAPI reports whether the condition of key is paused, as
// /api/automation says.
func pausedInAPI(t *testing.T, base, key string) bool {
	t.Helper()
	resp, err := http.Get(base + "/api/automation")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var body struct {
		Automation []struct {
			Kind, Name string
			Paused     bool
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	for _, s := range body.Automation {
		if s.Kind == "condition" && s.Name == key {
			return s.Paused
		}
	}
	t.Fatalf("no condition %s in /api/automation", key)
	return false
}
