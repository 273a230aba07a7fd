package fs

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/fileid"
	"github.com/assetgen/assetgen/runtime"
)

// A stamp file is the hidden file beside a data file (.c.json.stamp beside
// c.json) that says which run wrote the data and its data version. Store
// writes it, with the same temporary file, sync and rename discipline,
// after the new data is complete in its temporary file and before that is
// renamed into place; so it describes the new data, and also, as its
// previous entry, the data it replaces. A reader checks which entry the
// data file matches: the same file (inode, size and modification time, as
// the temporary file had them), or else the same bytes (the SHA-256). So
// however a store is interrupted, the stamp is never believed about data
// it does not describe.

// stampFile is the contents of a stamp file.
type stampFile struct {
	Current  stampEntry  `json:"current"`
	Previous *stampEntry `json:"previous,omitempty"`
}

// stampEntry describes one data file.
type stampEntry struct {
	RunID       string    `json:"run_id"`
	DataVersion string    `json:"data_version"` // SHA-256 of the bytes, hex
	Time        time.Time `json:"stored_at"`
	Size        int64     `json:"size"`
	ModTime     int64     `json:"mtime_ns"`
	FileID      uint64    `json:"file_id,omitempty"` // inode; 0 where the system has none
}

func (e *stampEntry) stamp() runtime.Stamp {
	return runtime.Stamp{RunID: e.RunID, DataVersion: e.DataVersion, Time: e.Time}
}

// sameFile reports whether fi is the file e describes. Without a file ID
// the size and modification time could match another file written in the
// same clock tick: only the bytes can tell then.
func (e *stampEntry) sameFile(fi iofs.FileInfo) bool {
	return e.FileID != 0 && e.FileID == fileid.Of(fi) && e.Size == fi.Size() && e.ModTime == fi.ModTime().UnixNano()
}

// entries returns the entries of f, newest first.
func (f *stampFile) entries() []*stampEntry {
	if f.Previous == nil {
		return []*stampEntry{&f.Current}
	}
	return []*stampEntry{&f.Current, f.Previous}
}

// stampName returns the name of the stamp file of the data file base.
func stampName(base string) string { return "." + base + ".stamp" }

// tempSuffix starts the random part of a temporary file's name.
const tempSuffix = ".tmp-"

// tempName returns a new temporary file name for the file base.
func tempName(base string) string { return "." + base + tempSuffix + rand.Text()[:10] }

// isTemp reports whether name is a temporary file name of tempName.
func isTemp(name string) bool {
	i := strings.LastIndex(name, tempSuffix)
	if !strings.HasPrefix(name, ".") || i <= 1 || len(name)-i-len(tempSuffix) != 10 {
		return false
	}
	for _, c := range name[i+len(tempSuffix):] {
		if !(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7') { // rand.Text's base32
			return false
		}
	}
	return true
}

// processStart is when this process (near enough) started: temporary
// files older than that belong to stores no longer running.
var processStart = time.Now()

// sweep removes from dir, once per process, the temporary files that
// stores killed midway left there: files named as tempName names them
// and last modified before this process started.
func (m *Manager) sweep(root *os.Root, dir string) {
	m.mu.Lock()
	done := m.swept[dir]
	m.swept[dir] = true
	m.mu.Unlock()
	if done {
		return
	}
	d, err := root.Open(cmpDir(dir))
	if err != nil {
		return
	}
	entries, _ := d.ReadDir(-1)
	d.Close()
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTemp(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(processStart) {
			root.Remove(path.Join(dir, e.Name()))
		}
	}
}

// stamp writes the stamp file of the data file base in dir, describing
// tmp, its new contents, as st, and as previous the entry of the old
// stamp file that describes the data file now in place, if one does.
func (m *Manager) stamp(root *os.Root, dir, base, tmp string, st runtime.Stamp) error {
	fi, err := root.Stat(tmp)
	if err != nil {
		return err
	}
	f := stampFile{Current: stampEntry{
		RunID: st.RunID, DataVersion: st.DataVersion, Time: st.Time.UTC(),
		Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), FileID: fileid.Of(fi),
	}}
	name := path.Join(dir, stampName(base))
	if old, err := readStamp(root, name); err == nil && old != nil {
		if dfi, err := root.Stat(path.Join(dir, base)); err == nil {
			for _, e := range old.entries() {
				if e.sameFile(dfi) {
					f.Previous = e
					break
				}
			}
		}
	}
	b, err := json.Marshal(&f)
	if err != nil {
		return err
	}
	stmp, err := writeTemp(root, dir, stampName(base)[1:], func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if err := root.Rename(stmp, name); err != nil {
		root.Remove(stmp)
		return err
	}
	return nil
}

// readStamp reads the stamp file name; nil when there is none.
func readStamp(root *os.Root, name string) (*stampFile, error) {
	b, err := root.ReadFile(name)
	if errors.Is(err, iofs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f stampFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("stamp file %s: %w", name, err)
	}
	return &f, nil
}

// Stamp returns the stamp of the file of key (and partition): the run that
// wrote it, its data version (the SHA-256 of its bytes) and when it was
// stored. ok is false when there is no file, or no stamp file beside it
// (a file stored before stamps were kept). When the file is not the one
// the stamp describes and its bytes differ too (a file changed by other
// means), the stamp has no run ID and the file's current data version.
func (m *Manager) Stamp(_ context.Context, key runtime.Key, partition string) (runtime.Stamp, bool, error) {
	rel, err := m.find(key, partition)
	if err != nil {
		if errors.Is(err, iofs.ErrNotExist) {
			return runtime.Stamp{}, false, nil
		}
		return runtime.Stamp{}, false, err
	}
	root, err := os.OpenRoot(m.dir)
	if errors.Is(err, iofs.ErrNotExist) {
		return runtime.Stamp{}, false, nil
	}
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("asset %s: %w", key, err)
	}
	defer root.Close()
	fi, err := root.Stat(rel)
	if errors.Is(err, iofs.ErrNotExist) {
		return runtime.Stamp{}, false, nil
	}
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("asset %s: %w", key, err)
	}
	dir, base := path.Split(rel)
	f, err := readStamp(root, path.Join(dir, stampName(base)))
	if err != nil || f == nil {
		if err != nil {
			err = fmt.Errorf("asset %s: %w", key, err)
		}
		return runtime.Stamp{}, false, err
	}
	for _, e := range f.entries() {
		if e.sameFile(fi) {
			return e.stamp(), true, nil
		}
	}
	version, err := hashFile(root, rel)
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("asset %s: %w", key, err)
	}
	for _, e := range f.entries() {
		if e.DataVersion == version {
			return e.stamp(), true, nil
		}
	}
	return runtime.Stamp{DataVersion: version, Time: fi.ModTime()}, true, nil
}

// hashFile returns the SHA-256 of the file name, hex.
func hashFile(root *os.Root, name string) (string, error) {
	f, err := root.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
