package runtime

import (
	"context"
	"log/slog"
	"sync"
)

// stepHandler is the slog.Handler of a step's logger. It adds the asset
// attribute, and the partition attribute of a partitioned asset (the key,
// or "FIRST...LAST"), to its base handler (already tagged with the run ID)
// only when something is logged, because slog's WithAttrs copies the
// handler's state and most trivial steps never log.
type stepHandler struct {
	base slog.Handler
	ctx  *Context // the step's
	once sync.Once
	h    slog.Handler
}

func (h *stepHandler) init() {
	attrs := []slog.Attr{slog.String("asset", string(h.ctx.Key))}
	if h.ctx.part != nil {
		attrs = append(attrs, slog.String("partition", h.ctx.part.name))
	}
	h.h = h.base.WithAttrs(attrs)
}

func (h *stepHandler) handler() slog.Handler {
	h.once.Do(h.init)
	return h.h
}

// Enabled reports whether the base handler handles level.
func (h *stepHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.base.Enabled(ctx, level)
}

// Handle writes r with the run and asset attributes.
func (h *stepHandler) Handle(ctx context.Context, r slog.Record) error {
	return h.handler().Handle(ctx, r)
}

// WithAttrs returns a handler adding attrs after the run and asset.
func (h *stepHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return h.handler().WithAttrs(attrs)
}

// WithGroup returns a handler that groups later attributes under name.
func (h *stepHandler) WithGroup(name string) slog.Handler {
	return h.handler().WithGroup(name)
}
