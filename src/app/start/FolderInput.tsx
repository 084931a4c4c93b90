// A model folder picked from disk: nothing is uploaded, the worker reads the files directly.
import { formatBytes } from '../format.ts';
import { folderFromFiles, folderProblem, type PickedFolder } from '../models/selection.ts';

// React has no typed prop for these non-standard attributes; they select a directory instead of files.
const DIRECTORY_ATTRIBUTES = { webkitdirectory: '', directory: '' } as Record<string, string>;

interface Props {
  readonly role: string;
  readonly folder: PickedFolder | null;
  readonly onPick: (folder: PickedFolder | null) => void;
}

export function FolderInput({ role, folder, onPick }: Props) {
  const problem = folder ? folderProblem(folder) : null;
  const bytes = folder ? [...folder.files.values()].reduce((sum, f) => sum + f.size, 0) : 0;
  return (
    <div className="source-detail">
      <input
        type="file" multiple aria-label={`Folder of the ${role}`} {...DIRECTORY_ATTRIBUTES}
        onChange={(e) => onPick(e.target.files ? folderFromFiles(Array.from(e.target.files)) : null)}
      />
      {folder && !problem && <p className="note">{folder.name}: {folder.files.size} files, {formatBytes(bytes)}.</p>}
      {problem && <p className="field-error">{problem}</p>}
      <p className="note">The folder holds config.json, the tokenizer files and onnx/model.onnx (a transformers.js export).</p>
    </div>
  );
}
