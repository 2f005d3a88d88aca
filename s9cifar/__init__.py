__version__ = "0.1.0"

import warnings as _w
# fastai's import calls torch.jit.script, which torch 2.14 marks deprecated: harmless, and not the user's to fix
_w.filterwarnings('ignore', message=r'`torch.jit.script` is deprecated', category=FutureWarning)
