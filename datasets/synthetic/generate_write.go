package synthetic

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/partnet/partnet/datasets"
	"github.com/partnet/partnet/internal/atomicfile"
	"gopkg.in/yaml.v3"
)

// Estimated bytes a generated organisation and tie take on disk, for the
// free-space check (measured: about 95 and 33 bytes at 1M organisations).
const (
	genOrgBytes = 110
	genTieBytes = 40
)

// WriteDir streams a generated network to a dataset folder (created if
// needed): organisations.csv (with a cluster column), partnerships.csv
// (source, target, kind, weight) and dataset.yaml. It holds only the
// cluster centres in memory. It refuses sizes over the limits, and output
// its estimate says would not fit on the disk, before writing anything;
// the folder is written whole and swapped in (see datasets.ReplaceDir), so an
// interrupted or killed run leaves an existing folder exactly as it was,
// and a finished one holds only the generated files.
func WriteDir(ctx context.Context, opts Options, dir string) error {
	o, err := opts.withDefaults()
	if err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if err := checkFreeSpace(parent, int64(o.Organisations)*genOrgBytes+o.Ties*genTieBytes); err != nil {
		return err
	}
	g := newGenerator(o)
	return datasets.ReplaceDir(ctx, dir, []atomicfile.File{
		{Path: datasets.MetadataFile, Write: func(w io.Writer) error { return yaml.NewEncoder(w).Encode(g.metadata()) }},
		{Path: datasets.OrganisationsFile, Write: g.writeOrganisations},
		{Path: datasets.PartnershipsFile, Write: func(w io.Writer) error { return g.writeTies(w, true) }},
	})
}

// WriteEdgeList streams a generated network's ties to one file as a
// plain edge list (source,target,weight; organisations are only ids).
func WriteEdgeList(ctx context.Context, opts Options, path string) error {
	o, err := opts.withDefaults()
	if err != nil {
		return err
	}
	if err := checkFreeSpace(filepath.Dir(path), o.Ties*genTieBytes); err != nil {
		return err
	}
	g := newGenerator(o)
	return atomicfile.WriteFileContext(ctx, path, func(w io.Writer) error { return g.writeTies(w, false) })
}

func (g *generator) writeOrganisations(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.WriteString("id,name,sector,type,region,population,lat,lon,cluster\n")
	var b []byte
	for i := 0; i < g.o.Organisations; i++ {
		o := g.organisation(i)
		b = append(b[:0], o.ID...)
		b = append(b, ',')
		b = append(b, o.Name...)
		b = append(b, ',')
		b = append(b, o.Sector...)
		b = append(b, ',')
		b = append(b, o.Type...)
		b = append(b, ',')
		b = append(b, o.Region...)
		b = append(b, ',')
		if o.Population > 0 {
			b = strconv.AppendInt(b, o.Population, 10)
		}
		b = append(b, ',')
		b = strconv.AppendFloat(b, o.Lat, 'f', -1, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, o.Lon, 'f', -1, 64)
		b = append(b, ',')
		b = append(b, o.Attrs["cluster"]...)
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// writeTies writes every tie; with kinds, in partnerships.csv's columns,
// otherwise as a bare edge list.
func (g *generator) writeTies(w io.Writer, kinds bool) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	if kinds {
		bw.WriteString("source,target,kind,weight\n")
	} else {
		bw.WriteString("source,target,weight\n")
	}
	var b []byte
	total := g.o.Ties
	for k := int64(0); k < total; k++ {
		a, c, kind, wt := g.tie()
		b = g.appendID(b[:0], a)
		b = append(b, ',')
		b = g.appendID(b, c)
		b = append(b, ',')
		if kinds {
			b = append(b, kind...)
			b = append(b, ',')
		}
		b = strconv.AppendFloat(b, wt, 'f', -1, 64)
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
		if (k+1)%65536 == 0 && g.o.Progress != nil {
			g.o.Progress(k+1, total)
		}
	}
	if g.o.Progress != nil {
		g.o.Progress(total, total)
	}
	return bw.Flush()
}

// checkFreeSpace refuses output estimated larger than the free space of
// dir's file system (when the platform can tell).
func checkFreeSpace(dir string, need int64) error {
	free, ok := freeBytes(dir)
	if ok && need > free {
		return fmt.Errorf("generate: the output would take about %d MB but %s has %d MB free: %w",
			need>>20, dir, free>>20, datasets.ErrTooLarge)
	}
	return nil
}
