package runtime

import (
	"context"
	"log/slog"
)

// Context is the context of one step: it implements context.Context
// (cancelled when the run is cancelled or the step times out) and carries
// what the asset may want to know about its run. Asset functions receive
// it through a context.Context or *runtime.Context parameter.
type Context struct {
	context.Context
	RunID     string       // the run's ID
	Key       Key          // the asset being materialized
	Def       *AssetDef    // its definition
	Partition string       // partition key; empty when unpartitioned
	Attempt   int          // 1 for the first attempt, 2 for the first retry, ...
	Log       *slog.Logger // tagged with run_id and asset

	step *stepState
}

// AddMetadata attaches metadata to this materialization; it is reported in
// the step's events and the run summary.
func (c *Context) AddMetadata(key string, value any) {
	if c.step != nil {
		c.step.addMetadata(key, value)
	}
}

// SetDataVersion sets the data version of this materialization, overriding
// any version the I/O manager derives from the stored bytes.
func (c *Context) SetDataVersion(v string) {
	if c.step != nil {
		c.step.setDataVersion(v, true)
	}
}
