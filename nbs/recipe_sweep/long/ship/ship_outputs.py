"""Step 2 of shipping a long run (`ship.sh RUN` runs it after the patch and the report): re-run the notebook cells whose
stored outputs read the shipped weights on CIFAR-10 (`tools/refresh-outputs`), then write their measured numbers into
the prose placeholders the patch left (@C31@ ... in 04, @OX...@ in 10, @BFD@). Stops, naming the sentence, where a
measurement no longer supports the prose around it: that prose is for a person to rewrite, not for a script.
Run from the repository root with the venv active and S9CIFAR_DATA set: `ship_outputs.py RUN_FOLDER [--no-refresh]`;
`--no-refresh` fills from the stored outputs."""
import ast, json, os, re, subprocess, sys
from datetime import date
from pathlib import Path

RUN = next((a.rstrip('/') for a in sys.argv[1:] if not a.startswith('--')), None)
if not RUN: sys.exit('usage: ship_outputs.py RUN_FOLDER [--no-refresh]')
if not os.environ.get('S9CIFAR_DATA'): sys.exit('set S9CIFAR_DATA (e.g. ../shared/data/cifar10): the cells read CIFAR-10')
REFRESH = {'nbs/04_interpret.ipynb': ['f924c595', '485a8c82'],       # accuracy, confusions, figures; the CAM measurement
           'nbs/10_export.ipynb': ['372b5e36', '0b608ada', '908cc10e'],  # the ONNX file on 1,000 and on 10,000 images
           'nbs/06_benchmarks.ipynb': ['1df8ae7a']}                   # the engines against PyTorch float32
if '--no-refresh' not in sys.argv:  # --no-refresh: fill from the outputs already stored (after refreshing one by hand)
    for nb, ids in REFRESH.items(): subprocess.run([sys.executable, 'tools/refresh-outputs', nb, *ids], check=True)

def outputs(nb, cid):
    cell = next(c for c in json.loads(Path(nb).read_text())['cells'] if c.get('id') == cid)
    return [''.join(o.get('text') or o.get('data', {}).get('text/plain', '')) for o in cell['outputs']]
def stop(msg): sys.exit(f'stopped: {msg}\n(the outputs are refreshed; fill the remaining @...@ placeholders by hand)')
pct1 = lambda v: f'{100 * v:.1f}%'
pct0 = lambda v: f'{100 * v:.0f}%'
e = lambda v: re.sub(r'e([+-])0*(\d)', lambda m: f"e{'-' if m[1] == '-' else ''}{m[2]}", f'{v:.1e}')  # 1.4e-06 -> 1.4e-6

# 04: the CAM measurement's table (rows c3.1 and c4: kept_top_25, kept_other_images_map, area_over_half)
tab = next(t for t in outputs('nbs/04_interpret.ipynb', '485a8c82') if 'kept_top_25' in t)
rows = {l.split()[1]: [float(v) for v in l.split()[2:5]] for l in tab.splitlines()[1:] if len(l.split()) == 5}
(k31, o31, a31), (k4, o4, a4) = rows['c3.1'], rows['c4']
fill = {'@K31@': pct1(k31), '@K4@': pct1(k4), '@O31@': pct1(o31), '@O4@': pct1(o4), '@A31@': pct1(a31), '@A4@': pct1(a4),
        '@C31@': pct0(1 - k31), '@CO31@': pct0(1 - o31), '@C4@': pct0(1 - k4), '@CO4@': pct0(1 - o4),
        '@R31@': pct0(a31), '@R4@': pct0(a4)}
if not (1 - k31 > 1 - k4 and 1 - k31 > 1 - o31):
    stop(f"04 (cell 577a8abe): 'The 8x8 map points at pixels that matter more' no longer holds: {rows}")
if not a31 < a4 / 2: stop(f"04 (cell 577a8abe): 'marks less than half as much of the image' no longer holds: {rows}")

# 10: machine_info() and the result dict that cell 908cc10e prints
dicts = [ast.literal_eval(l) for t in outputs('nbs/10_export.ipynb', '908cc10e') for l in t.splitlines() if l.startswith('{')]
mi, res = dicts[0], dicts[-1]
if 'disagree_bf16' not in res: stop(f"10 (cell aba71496): this CPU has no native bf16, so the table's bf16 column was not measured: {mi}")
if res['disagree_fp32']: stop(f"10 (cell aba71496): 'The ONNX file computes what PyTorch computes' ({res['disagree_fp32']} classes differ): {res}")
import onnxruntime
fill.update({'@OXDATE@': date.today().isoformat(), '@OXCPU@': mi['cpu'], '@OXTORCH@': mi['torch'].split('+')[0],
             '@OXORT@': onnxruntime.__version__, '@OXAO@': f"{100 * res['accuracy_onnx']:.2f}%",
             '@OXAF@': f"{100 * res['accuracy_fp32']:.2f}%", '@OXAB@': f"{100 * res['accuracy_bf16']:.2f}%",
             '@OXDF@': str(res['disagree_fp32']), '@OXDB@': str(res['disagree_bf16']), '@OXMAX@': e(res['max_abs_diff'])})

# 06: the bf16 engine's largest probability difference from PyTorch float32, quoted in 10
bf = [l for t in outputs('nbs/06_benchmarks.ipynb', '1df8ae7a') for l in t.splitlines() if 'bf16' in l]
if not bf: stop('06 (cell 1df8ae7a) printed no bf16 engine: this CPU has no native bf16')
fill['@BFD@'] = re.sub(r'e-0*', 'e-', f"{float(bf[0].split('=')[-1]):.0e}")

changed = subprocess.run(['git', 'diff', '--name-only', 'HEAD'], capture_output=True, text=True).stdout.split()
for f in changed:
    p = Path(f)
    if not p.exists() or p.suffix not in ('.ipynb', '.md'): continue  # figures and weights are in the diff too
    t = p.read_text(); t2 = t
    for k, v in fill.items(): t2 = t2.replace(k, v)
    if t2 != t: p.write_text(t2); print('filled', f)
print(fill)
left = subprocess.run(['git', 'grep', '-InE', '@[A-Z0-9]{2,8}@', '--', 'nbs', ':!nbs/recipe_sweep/long/ship', f':!{RUN}'], capture_output=True, text=True).stdout
if left: sys.exit(f'placeholders left:\n{left}')
