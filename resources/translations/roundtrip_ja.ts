<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../editor/app/actions.py" line="+20"/>
        <source>Align left</source>
        <extracomment>the undo step names of Arrange → Align and Distribute</extracomment>
        <translation>左揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align centre</source>
        <translation>左右中央揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align right</source>
        <translation>右揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align top</source>
        <translation>上揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align middle</source>
        <translation>上下中央揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align bottom</source>
        <translation>下揃え</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distribute horizontally</source>
        <translation>水平方向に等間隔に配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribute vertically</source>
        <translation>垂直方向に等間隔に配置</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Copied 1 company</source>
        <translation>1 社をコピーしました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied {count} companies</source>
        <translation>{count} 社をコピーしました</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cut 1 company</source>
        <translation>1 社を切り取り</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut {count} companies</source>
        <translation>{count} 社を切り取り</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to paste: copy companies first</source>
        <translation>貼り付けるものがありません。先に企業をコピーしてください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot paste: {reason}</source>
        <translation>貼り付けできません: {reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select two or more companies to align them</source>
        <translation>整列するには 2 社以上を選択してください</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select three or more companies to distribute them</source>
        <translation>等間隔に配置するには 3 社以上を選択してください</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Automatic layout</source>
        <translation>自動レイアウト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic layout of {count} companies</source>
        <translation>{count} 社の自動レイアウト</translation>
    </message>
</context>
<context>
    <name>Amounts</name>
    <message>
        <location filename="../../editor/i18n.py" line="+264"/>
        <source>up to {amount}</source>
        <extracomment>the setting&apos;s key and values (&quot;system&quot; follows the system locale) the languages with a catalogue, besides the source language English How the amount labels write a qualifier (&quot;up to $100B&quot;, &quot;~$300B&quot;), translated at display time.</extracomment>
        <translation>最大{amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~{amount}</source>
        <translation>約{amount}</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <location filename="../../editor/background/analysis_worker.py" line="+377"/>
        <source>Analysis failed: {error}</source>
        <extracomment>Seconds the interactive analysis spends on round-trip capacities before leaving the rest out. Set to 0 to keep the analysis in a thread of the app&apos;s own process. A fresh result (the analysis of the latest request). The latest request failed; argument: a message for the user. True while a request is waiting or running.</extracomment>
        <translation>分析に失敗しました: {error}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the analysis process stopped while analysing {companies} companies and {flows} flows (out of memory or a crash); the panels keep the previous figures, and the next change tries again in a new analysis process</source>
        <translation>{companies} 社・{flows} 件のフローを分析中に分析プロセスが停止しました（メモリ不足またはクラッシュ）。パネルには前回の数値が表示されたままです。次の変更時に新しい分析プロセスで再試行します</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../../editor/background/autosave.py" line="+206"/>
        <source>Autosave failed: {reason}</source>
        <extracomment>Shortest interval accepted from the settings (seconds). Signal(bool): unsaved changes appeared or went away. A recovery file was written; argument: its path. Autosave failed (disk full, folder not writable); argument: the message for the status bar. Seconds spent on the GUI thread taking the last snapshot, and on the worker writing it.</extracomment>
        <translation>自動保存に失敗しました: {reason}</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../editor/panels/catalogue.py" line="+61"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour…</source>
        <translation>色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{name} ({colour}); {count} use(s)</source>
        <translation>{name} ({colour})、使用数 {count}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Still used: change those items first</source>
        <translation>使用中です。先にそれらの項目を変更してください</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New Flow Type</source>
        <translation>新しいフローの種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new flow type:</source>
        <translation>新しいフローの種類の名前:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Category</source>
        <translation>新しいカテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new category:</source>
        <translation>新しいカテゴリの名前:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>新しい名前:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a Colour</source>
        <translation>色の選択</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Flow types</source>
        <translation>フローの種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company categories</source>
        <translation>企業カテゴリ</translation>
    </message>
</context>
<context>
    <name>DefaultNames</name>
    <message>
        <location filename="_runtime_strings.py" line="+42"/>
        <source>Venture investment</source>
        <translation>ベンチャー投資</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equity investment</source>
        <translation>出資（株式投資）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chip / hardware purchase</source>
        <translation>チップ・ハードウェア購入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute / service contract</source>
        <translation>計算資源・サービス契約</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity backstop / guarantee</source>
        <translation>余剰能力の引受け・保証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue / customer payment</source>
        <translation>売上・顧客からの支払い</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warrants / stock</source>
        <translation>ワラント・株式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chipmaker</source>
        <translation>半導体メーカー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI lab</source>
        <translation>AI 研究企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud / data centre</source>
        <translation>クラウド・データセンター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investor</source>
        <translation>投資家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application company</source>
        <translation>アプリケーション企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <location filename="../../editor/canvas/view.py" line="+274"/>
        <source>This diagram is empty.

Press C and click to add a company,
F and drag between two companies to draw a money flow,
or open a bundled example with File → Open Sample.</source>
        <extracomment>Fitting never goes below this zoom: the smallest text (amounts, 10.5 px) stays 9 px tall. the zoom factor changed (1.0 = 100 %) free room around the diagram, so adding or dragging at the edge never makes the view jump moving arrows are cut this far (view pixels) outside the viewport below this zoom (the arrowheads&apos; level of detail) big diagrams are drawn unsmoothed diagrams with fewer companies and arrows than this are always smoothed from this many shown arrows crossing the view, a big diagram is drawn unsmoothed the arrows crossing the view are counted this long after a scroll, resize or filter change</extracomment>
        <translation>この図は空です。

C を押してクリックすると企業を追加できます。
F を押して 2 つの企業の間をドラッグすると資金の流れを描けます。
または「ファイル → サンプルを開く」で付属の例を開いてください。</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/label_editing.py" line="+39"/>
        <source>A company needs a name; it stays {name}.</source>
        <translation>企業には名前が必要です。{name} のままにします。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot rename: {error}</source>
        <translation>名前を変更できません: {error}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Amount not changed: {error}. Try 100, $100B, up to 100, ~300 or ? for unknown.</source>
        <translation>金額は変更されていません: {error}。100、$100B、up to 100、~300、不明なら ? のように入力してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amount not changed: {error}</source>
        <translation>金額は変更されていません: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amount in {unit}, ? if unknown</source>
        <translation>金額 ({unit})。不明なら ?</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../editor/editing/document.py" line="+75"/>
        <source>Untitled</source>
        <extracomment>The file path changed (Save As, open); argument: the new path or &quot;&quot;. Unsaved changes appeared or went away.</extracomment>
        <translation>無題</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Add company {name}</source>
        <translation>企業 {name} を追加</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{count} companies</source>
        <translation>{count} 社</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {count} companies</source>
        <translation>{count} 社を移動</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add flow {source} → {target}</source>
        <translation>フロー {source} → {target} を追加</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{count} flows</source>
        <translation>{count} 件のフロー</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {count} items</source>
        <translation>{count} 項目を削除</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Add flow type {name}</source>
        <translation>フローの種類 {name} を追加</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit flow type {name}</source>
        <translation>フローの種類 {name} を編集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>flow type {name} is still used by some flows</source>
        <translation>フローの種類 {name} はまだ一部のフローで使われています</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete flow type {name}</source>
        <translation>フローの種類 {name} を削除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add category {name}</source>
        <translation>カテゴリ {name} を追加</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit category {name}</source>
        <translation>カテゴリ {name} を編集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>category {name} is still used by some companies</source>
        <translation>カテゴリ {name} はまだ一部の企業で使われています</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete category {name}</source>
        <translation>カテゴリ {name} を削除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit diagram details</source>
        <translation>図の詳細を編集</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>amount</source>
        <extracomment>how an undo step names the field it changed</extracomment>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>出典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valuation</source>
        <translation>企業価値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valuation date</source>
        <translation>企業価値の基準日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue</source>
        <translation>売上高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue period</source>
        <translation>売上高の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profit period</source>
        <translation>利益の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename {what}</source>
        <translation>{what} の名前を変更</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set {field} of {what}</source>
        <translation>{what} の{field}を設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit {what}</source>
        <translation>{what} を編集</translation>
    </message>
</context>
<context>
    <name>Drawing</name>
    <message>
        <location filename="../../editor/app/canvas_build.py" line="+54"/>
        <source>Drawing {file}…</source>
        <translation>{file} を描画しています…</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <location filename="../../editor/dialogs/export_dialog.py" line="+69"/>
        <location line="+202"/>
        <location line="+37"/>
        <location line="+8"/>
        <location line="+3"/>
        <source>Export Image</source>
        <extracomment>above this many companies + flows, the preview is drawn only on request</extracomment>
        <translation>画像を書き出し</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scale</source>
        <translation>倍率</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PNG size:</source>
        <translation>PNG のサイズ:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>White</source>
        <translation>白</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transparent</source>
        <translation>透明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Background:</source>
        <translation>背景:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours:</source>
        <translation>配色:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole diagram</source>
        <translation>図全体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection only</source>
        <translation>選択範囲のみ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select companies or flows on the canvas first</source>
        <translation>先にキャンバスで企業またはフローを選択してください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draw:</source>
        <translation>描画範囲:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No title</source>
        <translation>タイトルなし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subtitle</source>
        <translation>サブタイトルなし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle:</source>
        <translation>サブタイトル:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend of flow types and company categories</source>
        <translation>フローの種類と企業カテゴリの凡例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numbered sources in a footnote (flows with a link)</source>
        <translation>番号付きの出典を脚注に表示 (リンクのあるフロー)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stress test marks: defaults, domino rounds, unpaid parts</source>
        <translation>ストレステストの表示: 債務不履行、ドミノの段階、未払い分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Stress Test panel to draw its marks</source>
        <translation>表示するにはストレステストのパネルを開いてください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface language</source>
        <translation>表示言語と同じ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language of the legend, the sources note and the credit</source>
        <translation>凡例、出典の注記、クレジットの言語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captions:</source>
        <translation>見出しの言語:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh preview</source>
        <translation>プレビューを更新</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Preview: press Refresh</source>
        <translation>プレビュー: 「更新」を押してください</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} ピクセル</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vector, {width} × {height} cm</source>
        <translation>ベクター形式、{width} × {height} cm</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a file name for the image.</source>
        <translation>画像のファイル名を指定してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write {path}:
{reason}</source>
        <translation>{path} に書き込めませんでした:
{reason}</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../editor/canvas/export/layout.py" line="+25"/>
        <source>Money flows</source>
        <extracomment>captions printed on the page, translated into the export&apos;s language by :func:`page_captions`</extracomment>
        <translation>資金の流れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources (as of {date})</source>
        <translation>出典 ({date} 時点)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… and {count} more source links, listed in the diagram file</source>
        <translation>… ほか {count} 件の出典リンク (図のファイルに記載)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… and 1 more source link, listed in the diagram file</source>
        <translation>… ほか 1 件の出典リンク (図のファイルに記載)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made with Roundtrip</source>
        <translation>Roundtrip で作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line width grows with the amount ({unit})</source>
        <translation>線の太さは金額に比例 ({unit})</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/export/image.py" line="+219"/>
        <source>Stress test: every company can pay all it owes.</source>
        <extracomment>one page unit is one CSS pixel: 1/96 inch, 0.75 pt</extracomment>
        <translation>ストレステスト: すべての企業が債務を全額支払えます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After domino round {step} of {rounds}: 1 company in default.</source>
        <translation>ドミノの第 {step} 段階 (全 {rounds} 段階) の後: 債務不履行の企業 1 社。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After domino round {step} of {rounds}: {count} companies in default.</source>
        <translation>ドミノの第 {step} 段階 (全 {rounds} 段階) の後: 債務不履行の企業 {count} 社。</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/stress_marks.py" line="+50"/>
        <source>Stress test: a red ring marks a company that cannot pay all it owes, its badge the domino round of its default; the dashed red end of an arrow is the share left unpaid.</source>
        <extracomment>the colour of default and of money left unpaid how far the unpaid part of an arrow is faded towards the background a paid share at least this close to 1 is drawn as paid in full z of the marks among a company&apos;s children (above its circle and name) points along a curved arrow&apos;s unpaid part the legend line of the marks (canvas tooltips and exported images)</extracomment>
        <translation>ストレステスト: 赤い輪は債務を全額支払えない企業を示し、そのバッジは債務不履行になったドミノの段階を示します。矢印の赤い破線の端は未払いの割合です。</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/export/svg.py" line="+135"/>
        <source>amount unknown</source>
        <extracomment>a flow&apos;s tooltip in a web SVG says this when its amount is unknown (in the captions&apos; language)</extracomment>
        <translation>金額不明</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <location filename="../../editor/app/file_guard.py" line="+39"/>
        <source>Saving now would replace those changes with yours.</source>
        <translation>今保存すると、その変更はこちらの内容で置き換えられます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File Changed</source>
        <translation>ファイルが変更されました</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite</source>
        <translation>上書き</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload (discard my changes)</source>
        <translation>再読み込み (こちらの変更を破棄)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>“{file}” is already open elsewhere: {owner}. Changes saved there and here would overwrite each other; saving will ask first.</source>
        <extracomment>The file changed on disk by another program; argument: the message for the status bar.</extracomment>
        <translation>「{file}」は別の場所で開かれています: {owner}。両方で保存すると互いの変更を上書きするため、保存時に確認します。</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+19"/>
        <source>“{file}” is open elsewhere: {owner}.</source>
        <translation>「{file}」は別の場所で開かれています: {owner}。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>“{file}” was deleted or moved by another program since you opened it.</source>
        <translation>「{file}」は開いた後に別のプログラムによって削除または移動されました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{file}” was changed by another program since you opened or saved it.</source>
        <translation>「{file}」は開いた後または保存した後に別のプログラムによって変更されました。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“{file}” was changed by another program; saving will ask whether to overwrite, save as or reload.</source>
        <translation>「{file}」が別のプログラムで変更されました。保存時に、上書き・別名で保存・再読み込みのどれにするか確認します。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../editor/app/files.py" line="+104"/>
        <source>Open &amp;Sample</source>
        <extracomment>Diagram files up to this size are read at once (a few ms); bigger ones in a worker thread. Lock, stamp and watch of the document&apos;s file (the window makes it follow each document). Files dropped onto the window open like File → Open. File → Open Sample and Open Recent, filled by :meth:`fill_menus` (with the window&apos;s other menus: at start-up right after the first paint).</extracomment>
        <translation>サンプルを開く(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading {file}…</source>
        <translation>{file} を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New diagram</source>
        <translation>新しい図</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Diagram</source>
        <translation>図を開く</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+23"/>
        <location line="+32"/>
        <location line="+9"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+8"/>
        <location line="+271"/>
        <source>Cannot Open File</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>“{file}” cannot be opened.</source>
        <translation>「{file}」を開けません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{file}” cannot be opened: {reason}.</source>
        <translation>「{file}」を開けません: {reason}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Opened {path}</source>
        <translation>{path} を開きました</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot Create File</source>
        <translation>ファイルを作成できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{file}” cannot be created: the folder {folder} does not exist.</source>
        <translation>「{file}」を作成できません: フォルダー {folder} がありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New diagram: Save writes {path}</source>
        <translation>新しい図: 保存すると {path} に書き込みます</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot Open Sample</source>
        <translation>サンプルを開けません</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Too Large for a Roundtrip File</source>
        <translation>Roundtrip ファイルには大きすぎます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a Roundtrip diagram this would be {size} MB; Roundtrip opens diagrams up to {limit} MB, so Save will refuse it.</source>
        <translation>Roundtrip の図として保存すると {size} MB になります。Roundtrip が開ける図は {limit} MB までのため、保存できません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export it as a CSV or Excel table instead (File → Export), or import fewer rows.</source>
        <translation>代わりに CSV や Excel の表としてエクスポートする (ファイル → エクスポート) か、取り込む行を減らしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Autosave still keeps a recovery copy while you work.</source>
        <translation>作業中も自動保存が復元用のコピーを残します。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Replace File?</source>
        <translation>ファイルを置き換えますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace “{path}” with the recovered diagram?</source>
        <translation>「{path}」を復元した図で置き換えますか?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Diagram As</source>
        <translation>名前を付けて図を保存</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+14"/>
        <source>Cannot Save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Your diagram is still open with its changes. Free some space or choose File → Save As… to save it somewhere else.</source>
        <translation>図は変更を保ったまま開いています。空き容量を増やすか、ファイル → 名前を付けて保存… で別の場所に保存してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving “{file}” failed: {error}</source>
        <translation>「{file}」の保存に失敗しました: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your diagram is still open with its changes, and autosave keeps a recovery copy. Try File → Save As…, or export it as a table.</source>
        <translation>図は変更を保ったまま開いており、自動保存が復元用のコピーを残しています。ファイル → 名前を付けて保存… を試すか、表としてエクスポートしてください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>Revert</source>
        <translation>保存時の状態に戻す</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Discard your changes and reload “{file}”?</source>
        <translation>変更を破棄して「{file}」を読み込み直しますか?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot Revert</source>
        <translation>元に戻せません</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No samples installed</source>
        <translation>サンプルがインストールされていません</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clear Menu</source>
        <translation>メニューをクリア</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{path}” no longer exists.</source>
        <translation>「{path}」はもう存在しません。</translation>
    </message>
    <message>
        <location filename="../../editor/app/file_export.py" line="+49"/>
        <source>Exported {path}</source>
        <extracomment>The file dialogs&apos; filters, by name (see :func:`dialog_filter_named`).</extracomment>
        <translation>{path} を書き出しました</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Table</source>
        <translation>表の書き出し</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot Export</source>
        <translation>エクスポートできません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {files}</source>
        <translation>{files} をエクスポートしました</translation>
    </message>
</context>
<context>
    <name>Find</name>
    <message>
        <location filename="../../editor/app/find.py" line="+40"/>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company name, or a flow&apos;s note or source:</source>
        <translation>企業名、またはフローのメモや出典:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing matches “{text}”</source>
        <translation>「{text}」に一致するものはありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found “{text}” ({n} of {count})</source>
        <translation>「{text}」が見つかりました ({count} 件中 {n} 件目)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found “{text}”</source>
        <translation>「{text}」が見つかりました</translation>
    </message>
</context>
<context>
    <name>FlowTypesMenu</name>
    <message>
        <location filename="../../editor/app/type_filter.py" line="+27"/>
        <source>Flow &amp;Types</source>
        <translation>フローの種類(&amp;T)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show &amp;All Types</source>
        <translation>すべての種類を表示(&amp;A)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{count} flow type(s) hidden on the canvas; loops and figures include them</source>
        <translation>キャンバスで {count} 種類のフローを非表示にしています。ループと数値にはそれらも含まれます</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../editor/i18n.py" line="+29"/>
        <source>Roundtrip diagrams</source>
        <extracomment>The labels of the file dialogs&apos; combined filters (&quot;Tables and graphs (*.csv … *.gexf)&quot;); the names of the formats themselves (editor/io/formats.py) enter the catalogue through update.py.</extracomment>
        <translation>Roundtrip の図</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables and graphs</source>
        <translation>表とグラフ</translation>
    </message>
    <message>
        <location filename="_runtime_strings.py" line="-23"/>
        <source>Roundtrip diagram</source>
        <translation>Roundtrip の図</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV edge list</source>
        <translation>CSV エッジリスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>Excel ブック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parquet table</source>
        <translation>Parquet の表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kumu workbook</source>
        <translation>Kumu 用ブック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GraphML</source>
        <translation>GraphML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GraphML for yEd</source>
        <translation>yEd 用 GraphML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEXF (Gephi)</source>
        <translation>GEXF (Gephi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG image</source>
        <translation>SVG 画像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document</source>
        <translation>PDF 文書</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../editor/panels/glossary.py" line="+18"/>
        <source>All known amounts in the diagram added up, whatever their type.</source>
        <translation>図にある既知の金額を、種類を問わずすべて合計したもの。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="_runtime_strings.py" line="-25"/>
        <source>Valuation divided by revenue, when both are known.</source>
        <translation>企業価値を売上高で割った値 (両方が分かっている場合)。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>computing…</source>
        <extracomment>What the analysis panels show while the first analysis of a newly opened diagram runs.</extracomment>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="_runtime_strings.py" line="-12"/>
        <source>All flows from one company to another, taken together. Its amount is the sum of the known amounts.</source>
        <translation>ある企業から別の企業へのフローをまとめたもの。金額は既知の金額の合計です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A chain of companies where money leaves one and comes back to it, each company visited once.</source>
        <translation>お金がある企業から出て、同じ企業に戻ってくる企業のつながり。各企業は一度だけ通ります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smallest step on a loop: at most this much can go all the way round. Unknown when a step has no known amount.</source>
        <translation>ループ上で最も小さいステップ。一周できるのは最大でこの金額までです。金額が不明なステップがあれば不明になります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some flows on this loop have no amount; their steps count only the known amounts.</source>
        <translation>このループには金額のないフローがあります。そのステップは既知の金額だけを数えます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies that are part of at least one loop.</source>
        <translation>少なくとも 1 つのループに含まれる企業。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most money that can go round all loops at once, every company passing on exactly what it receives and no step carrying more than its amount.</source>
        <translation>すべてのループを同時に循環できる最大の金額。各企業は受け取った分だけを渡し、どのステップも自身の金額を超えて運びません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circulating amount as a share of all known amounts in the diagram.</source>
        <translation>図の既知の金額全体に対する循環額の割合。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most money that can leave this company and come back to it through other companies.</source>
        <translation>この企業から出て、他の企業を経由して戻ってこられる最大の金額。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round-trip capacity as a share of what the company pays out.</source>
        <translation>企業の支払額に対するラウンドトリップ容量の割合。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known amounts this company receives (payments to itself left out).</source>
        <translation>この企業が受け取る既知の金額 (自社への支払いは除く)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known amounts this company pays, invests or commits.</source>
        <translation>この企業が支払う、投資する、または約束する既知の金額。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inflow minus outflow.</source>
        <translation>流入額から流出額を引いたもの。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name for the kind of loop, read from its flow types in order (for example vendor financing: an investment that comes back as purchases).</source>
        <translation>フローの種類の並びから読み取ったループの種類の名前 (例: ベンダーファイナンス — 投資が購入として戻ってくるもの)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The deals on this loop can be read in date order going round it.</source>
        <translation>このループ上の取引は、一周する順に日付順で読めます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every flow on this loop has a source link.</source>
        <translation>このループ上のすべてのフローに出典リンクがあります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flows whose amount is not known; they carry nothing in the figures.</source>
        <translation>金額が不明なフロー。数値には含まれません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not every loop is listed: the list reached its maximum or the search ran out of time.</source>
        <translation>すべてのループは表示されていません。一覧が上限に達したか、検索が時間切れになりました。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../editor/panels/history.py" line="+11"/>
        <source>Opened</source>
        <translation>開いた時点</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New diagram</source>
        <translation>新しい図</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened {file}</source>
        <translation>{file} を開いた時点</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../editor/dialogs/import_dialog.py" line="+67"/>
        <source>As the file shows (ask when unclear)</source>
        <extracomment>Debounce of the preview check after a mapping change (ms). The decimal-mark choices: (what the user reads, the mark passed to the reader).</extracomment>
        <translation>ファイルの表記どおり (不明なときは確認)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma: 1.500,25</source>
        <translation>カンマ: 1.500,25</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point: 1,500.25</source>
        <translation>ピリオド: 1,500.25</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_pages.py" line="+30"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source (pays) *</source>
        <translation>支払元 (支払う側) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target (receives) *</source>
        <translation>支払先 (受け取る側) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>金額の確度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link (URL)</source>
        <translation>リンク (URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow id</source>
        <translation>フロー ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id</source>
        <translation>支払元 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target id</source>
        <translation>支払先 ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name *</source>
        <translation>名前 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valuation</source>
        <translation>企業価値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valuation date</source>
        <translation>企業価値の基準日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>売上高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue period</source>
        <translation>売上高の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit period</source>
        <translation>利益の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_model.py" line="+60"/>
        <location filename="../../editor/dialogs/import_pages.py" line="+1"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../editor/dialogs/import_pages.py" line="+1"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_pages.py" line="+1"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company id</source>
        <translation>企業 ID</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_wording.py" line="+15"/>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} rows</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 flow</source>
        <translation>フロー 1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} flows</source>
        <translation>フロー {count} 件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 company</source>
        <translation>企業 1 社</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} companies</source>
        <translation>企業 {count} 社</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 problem</source>
        <translation>問題 1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} problems</source>
        <translation>問題 {count} 件</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_pages.py" line="+29"/>
        <source>Which column of the file holds the {field}</source>
        <translation>ファイルのどの列に {field} があるか</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Columns</source>
        <extracomment>The page&apos;s column of widgets (the dialog puts a &quot;use this table&quot; box on top).</extracomment>
        <translation>列</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All 1 row shown.</source>
        <translation>1 行すべてを表示しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All {count} rows shown.</source>
        <translation>全 {count} 行を表示しています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the first {shown} of {total} rows (all rows are checked).</source>
        <translation>全 {total} 行のうち最初の {shown} 行を表示しています (チェックは全行に対して行います)。</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_dialog.py" line="+41"/>
        <location line="+366"/>
        <source>Import {file}</source>
        <translation>{file} をインポート</translation>
    </message>
    <message>
        <location line="-340"/>
        <source>Skip rows with problems (they are listed above and not imported)</source>
        <translation>問題のある行をスキップする (上に一覧表示され、インポートされません)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Decimal mark used by the file:</source>
        <translation>ファイルの小数点記号(&amp;D):</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;New diagram</source>
        <translation>新しい図(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into the open diagram</source>
        <translation>開いている図に統合(&amp;M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No diagram is open</source>
        <translation>図が開かれていません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to {name} in one undo step; companies with the same name are reused</source>
        <translation>{name} に 1 回の取り消し単位で追加します。同じ名前の企業は再利用されます</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import into:</source>
        <translation>インポート先:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; </source>
        <translation>。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flows ({source})</source>
        <translation>フロー ({source})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import this companies table (categories, valuations, positions…)</source>
        <translation>この企業の表もインポートする (カテゴリ、企業価値、位置…)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Companies ({source})</source>
        <translation>企業 ({source})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Flows ({count})</source>
        <translation>フロー ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Companies ({count})</source>
        <translation>企業 ({count})</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Placing the companies of {file}…</source>
        <translation>{file} の会社を配置しています…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Checking {count} rows…</source>
        <translation>{count} 行を確認しています…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Notes: what could not be mapped</source>
        <translation>注記: 対応付けできなかったもの</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything in the file could be mapped.</source>
        <translation>ファイルのすべてを対応付けできました。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>… and {count} more</source>
        <translation>… ほか {count} 件</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_wording.py" line="+6"/>
        <source>Problems ({problems} in {rows}):</source>
        <translation>問題 ({rows}に{problems}):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems ({count}):</source>
        <translation>問題 ({count}):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems: every row can be imported.</source>
        <translation>問題なし: すべての行をインポートできます。</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_dialog.py" line="+33"/>
        <source>Nothing can be imported yet: the numbers in {columns} read differently with a decimal comma and with a decimal point (1.500 is 1500 or 1.5). Choose the decimal mark the file uses below.</source>
        <translation>まだインポートできません: {columns} の数値は、小数点をコンマとみなすか点とみなすかで読み方が変わります (1.500 は 1500 か 1.5)。下でファイルが使う小数点記号を選んでください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing can be imported: {reason}.</source>
        <translation>インポートできません: {reason}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to import: no row can be read.</source>
        <translation>インポートするものがありません: 読み取れる行がありません。</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_wording.py" line="+9"/>
        <source>{flows} and {companies} will be imported</source>
        <translation>{flows}と{companies}をインポートします</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {flows} and {companies} from {file}</source>
        <translation>{file} から{flows}と{companies}をインポートしました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ({count} of these companies are already in the diagram and will be reused)</source>
        <translation> (このうち {count} 社は図に既にあり、再利用されます)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ({count} matched with companies already in the diagram)</source>
        <translation> ({count} 社を図にある既存の企業と対応付けました)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; 1 row will be skipped</source>
        <translation>。1 行はスキップされます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {count} rows will be skipped</source>
        <translation>。{count} 行はスキップされます</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; 1 row was skipped</source>
        <translation>。1 行をスキップしました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {count} rows were skipped</source>
        <translation>。{count} 行をスキップしました</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_dialog.py" line="-221"/>
        <location filename="../../editor/dialogs/import_wording.py" line="+2"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location line="+99"/>
        <location line="+179"/>
        <location line="+18"/>
        <location line="+8"/>
        <location filename="../../editor/dialogs/import_reading.py" line="+35"/>
        <location line="+20"/>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>{file} could not be imported: {reason}</source>
        <translation>{file} をインポートできませんでした: {reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{file} cannot be imported.</source>
        <translation>{file} はインポートできません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} cannot be read: {reason}.</source>
        <translation>{file} を読み込めません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_model.py" line="-24"/>
        <source>source</source>
        <extracomment>The fields of flows and companies as the column tooltips and the preview&apos;s headers name them.</extracomment>
        <translation>支払元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation>支払先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qualifier</source>
        <translation>確度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source id</source>
        <translation>支払元 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target id</source>
        <translation>支払先 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valuation</source>
        <translation>企業価値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valuation date</source>
        <translation>企業価値の基準日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue</source>
        <translation>売上高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue period</source>
        <translation>売上高の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profit period</source>
        <translation>利益の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>no column is mapped to the company name</source>
        <extracomment>Rows shown in the preview table (all rows are checked). Background of rows that will not be imported, and of the cell that is the reason. Number columns whose decimal mark the file leaves open: the user must choose it.</extracomment>
        <translation>企業名に割り当てた列がありません</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>1 row cannot be imported; correct the file or skip the rows with problems</source>
        <translation>1 行をインポートできません。ファイルを修正するか、問題のある行を読み飛ばしてください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} rows cannot be imported; correct the file or skip the rows with problems</source>
        <translation>{count} 行をインポートできません。ファイルを修正するか、問題のある行を読み飛ばしてください</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>(not imported)</source>
        <translation>(インポートしない)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column &apos;{header}&apos; is imported as {field}</source>
        <translation>列「{header}」を {field} としてインポートします</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Column &apos;{header}&apos; is not imported</source>
        <translation>列「{header}」はインポートしません</translation>
    </message>
    <message>
        <location filename="../../editor/dialogs/import_reading.py" line="-17"/>
        <source>Reading {file}…</source>
        <translation>{file} を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summing the rows of {file}…</source>
        <translation>{file} の行を合計しています…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{file} is too large for one diagram.</source>
        <translation>{file} は 1 つの図には大きすぎます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sum its rows into one flow per payer, payee and type instead?</source>
        <translation>代わりに、支払元・支払先・種類ごとに行を合計して 1 件のフローにしますか?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum Rows</source>
        <translation>行を合計</translation>
    </message>
</context>
<context>
    <name>ImportTypes</name>
    <message>
        <location filename="../../editor/dialogs/import_types.py" line="+65"/>
        <source>Flow types the diagram does not know</source>
        <extracomment>the combo&apos;s data for &quot;keep it as a new type&quot;</extracomment>
        <translation>図にないフローの種類</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New type “{name}”</source>
        <translation>新しい種類「{name}」</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as “{name}”</source>
        <translation>「{name}」と同じ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{name}” (1 flow):</source>
        <translation>「{name}」(1 件のフロー):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” ({count} flows):</source>
        <translation>「{name}」({count} 件のフロー):</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../editor/panels/inspector_fields.py" line="+77"/>
        <source>amount: expected a number like 100, $100B, up to 100, ~300 or ? for unknown; {error}</source>
        <extracomment>The widgets a field is edited in. Units of the records shown (an amount field reads &quot;$500M&quot; in them). What an empty one-line field shows when the selection&apos;s values are not mixed.</extracomment>
        <translation>金額: 100、$100B、up to 100、~300、不明なら ? のような数値を入力してください。{error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the selected flows have different units: type the amount without a scale word</source>
        <translation>選択したフローの単位が異なります。桁の語 (B、M など) を付けずに金額を入力してください</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{field}: must not be empty</source>
        <translation>{field}: 空欄にはできません</translation>
    </message>
    <message>
        <location filename="../../editor/panels/inspector.py" line="+40"/>
        <source>exact</source>
        <extracomment>the qualifier combo&apos;s items (the model&apos;s QUALIFIER_LABELS), translated when shown</extracomment>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to</source>
        <translation>最大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated</source>
        <translation>推定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>announced</source>
        <extracomment>the status combo&apos;s items: the model&apos;s STATUSES (kept in the file as they are), translated when shown</extracomment>
        <translation>発表済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committed</source>
        <translation>確約済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unconfirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Title</source>
        <extracomment>Ask the window to show a message in the status bar.</extracomment>
        <translation>タイトル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>サブタイトル</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources note</source>
        <translation>出典の注記</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valuation</source>
        <translation>企業価値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valuation date</source>
        <translation>企業価値の基準日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>売上高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue period</source>
        <translation>売上高の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit period</source>
        <translation>利益の期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size override</source>
        <translation>サイズの指定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>金額の確度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source URL</source>
        <translation>出典 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From → to</source>
        <translation>送り手 → 受け手</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node size from 1 to 1000; empty: sized by valuation or revenue</source>
        <translation>ノードのサイズ (1〜1000)。空欄なら企業価値または売上高に応じたサイズ</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Selection</source>
        <translation>選択</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{companies} companies and {flows} flows selected.

Select only companies or only flows to edit them together.</source>
        <translation>企業 {companies} 社とフロー {flows} 件を選択しています。

まとめて編集するには、企業だけ、またはフローだけを選択してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New category…</source>
        <translation>新しいカテゴリ…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} companies</source>
        <translation>{count} 社</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New type…</source>
        <translation>新しい種類…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>{count} flows</source>
        <translation>フロー {count} 件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Diagram details</source>
        <translation>図の詳細</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open source at {host} (look-alike letters)</source>
        <translation>{host} の出典を開く (紛らわしい文字あり)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open source at {host}</source>
        <translation>{host} の出典を開く</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why can this link not be opened?</source>
        <translation>このリンクを開けないのはなぜ?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot Open Link</source>
        <translation>リンクを開けません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This link is not opened: {reason}.</source>
        <translation>このリンクは開きません: {reason}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open Link?</source>
        <translation>リンクを開きますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This link leads to {host}.</source>
        <translation>このリンクの行き先は {host} です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open it anyway?</source>
        <translation>それでも開きますか?</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+120"/>
        <source>Not applied: {error}</source>
        <translation>適用されていません: {error}</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>New Category</source>
        <translation>新しいカテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new category:</source>
        <translation>新しいカテゴリの名前:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Flow Type</source>
        <translation>新しいフローの種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new flow type:</source>
        <translation>新しいフローの種類の名前:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New category {name}</source>
        <translation>新しいカテゴリ {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New flow type {name}</source>
        <translation>新しいフローの種類 {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set category {name}</source>
        <translation>カテゴリを {name} に設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set type {name}</source>
        <translation>種類を {name} に設定</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../editor/app/language.py" line="+13"/>
        <source>&amp;System</source>
        <translation>システムに従う(&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used the next time Roundtrip starts. Your open diagrams stay as they are.</source>
        <translation>新しい言語は次回 Roundtrip を起動したときに反映されます。開いている図はそのままです。</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../editor/canvas/legend.py" line="+54"/>
        <source>Money flows</source>
        <translation>資金の流れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies</source>
        <translation>企業</translation>
    </message>
</context>
<context>
    <name>Loops</name>
    <message>
        <location filename="../../editor/panels/loops.py" line="+33"/>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bottleneck</source>
        <translation>ボトルネック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pattern</source>
        <translation>パターン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dated</source>
        <translation>日付順</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sourced</source>
        <translation>出典</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in order</source>
        <extracomment>the Dated column&apos;s words for LoopsModel.dating&apos;s states</extracomment>
        <translation>日付順</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of order</source>
        <translation>日付順でない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undated</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Undated: a step of this loop has no flow with a date, so its order is not known.</source>
        <translation>日付なし: このループには日付のあるフローがないステップがあるため、順序が分かりません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Out of order: the dated deals round this loop do not follow each other in time.</source>
        <translation>日付順でない: このループの日付のある取引は、時間の順に続いていません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} step(s) have a flow without a source link.</source>
        <translation>{count} ステップに出典リンクのないフローがあります。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>sourced</source>
        <translation>出典あり</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} unsourced</source>
        <translation>出典なし {count}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>In date order from {start}: {loop}, {first} to {last}</source>
        <translation>{start} から日付順: {loop}、{first} から {last}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Only through selected company</source>
        <extracomment>(company ids, flow ids) to highlight on the canvas; both empty: clear the highlight. (company ids, flow ids) to select on the canvas. New analysis options: {&quot;max_loops&quot;: int, &quot;max_length&quot;: int, &quot;through_selected&quot;: bool, &quot;date_ordered&quot;: bool, &quot;within_days&quot;: int | None}.</extracomment>
        <translation>選択した企業を通るものだけ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List only loops that pass through the company selected on the canvas.</source>
        <translation>キャンバスで選択した企業を通るループだけを一覧にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many loops to list (0: all)</source>
        <translation>一覧にするループの数 (0: すべて)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Longest loop searched, in companies</source>
        <translation>検索するループの最大の長さ (企業数)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date-ordered only</source>
        <translation>日付順のみ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List only the loops whose deals can be read in date order, starting at some company of the loop.</source>
        <translation>ループ内のいずれかの企業から始めて、取引を日付順に読めるループだけを一覧にします。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>within</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With date-ordered loops: the last deal at most this many days after the first.</source>
        <translation>日付順のループで、最後の取引が最初の取引から最大この日数以内のもの。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> 日以内</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No analysis yet</source>
        <translation>まだ分析していません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Max loops</source>
        <translation>最大ループ数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loops not computed: the map is too large for the time budget.</source>
        <translation>ループは計算されていません: マップが大きすぎて制限時間内に計算できません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Period applied: {period}. Clear it on the timeline.</source>
        <translation>期間を適用中: {period}。タイムラインで解除できます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More loops exist: the search ran out of time. Raise “Max loops” or shorten “length” to see others.</source>
        <translation>ほかにもループがあります: 検索が時間切れになりました。ほかを表示するには「最大ループ数」を増やすか「長さ」を短くしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>More loops exist: only the first {count} are listed. Raise “Max loops” or shorten “length” to see others.</source>
        <translation>ほかにもループがあります: 最初の {count} 件だけを表示しています。ほかを表示するには「最大ループ数」を増やすか「長さ」を短くしてください。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No loops through the selected company.</source>
        <translation>選択した企業を通るループはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No loops: no money comes back to where it started.</source>
        <translation>ループはありません: 出発点に戻ってくるお金はありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No date-ordered loops through the selected company.</source>
        <translation>選択した企業を通る日付順のループはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No date-ordered loops.</source>
        <translation>日付順のループはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No date-ordered loops within {days} days through the selected company.</source>
        <translation>選択した企業を通る {days} 日以内の日付順のループはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No date-ordered loops within {days} days.</source>
        <translation>{days} 日以内の日付順のループはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 loop</source>
        <translation>ループ 1 件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} loops</source>
        <translation>ループ {count} 件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 date-ordered loop</source>
        <translation>日付順のループ 1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} date-ordered loops</source>
        <translation>日付順のループ {count} 件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 date-ordered loop within {days} days</source>
        <translation>{days} 日以内の日付順のループ 1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} date-ordered loops within {days} days</source>
        <translation>{days} 日以内の日付順のループ {count} 件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 company in loops</source>
        <translation>ループ内の企業 1 社</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} companies in loops</source>
        <translation>ループ内の企業 {count} 社</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/app/status.py" line="+38"/>
        <source>Analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <location filename="../../editor/app/mainwindow.py" line="+108"/>
        <source>Type of the next flow you draw (keys 1–9)</source>
        <extracomment>The panels are made and in their docks (right after the first paint, or when first asked for).</extracomment>
        <translation>次に描くフローの種類 (キー 1–9)</translation>
    </message>
    <message>
        <location filename="../../editor/app/panel_docks.py" line="+39"/>
        <source>Inspector</source>
        <extracomment>The docks, with their area (the stress test&apos;s dock is closed until View → Panels → Stress Test). If no paint comes (a window never shown, or shown minimised), the panels are made this long after the window was made, or shown.</extracomment>
        <translation>インスペクター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow Types &amp;&amp; Categories</source>
        <translation>フローの種類とカテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo History</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loops</source>
        <translation>ループ</translation>
    </message>
    <message>
        <location filename="../../editor/app/analysis_view.py" line="+41"/>
        <location filename="../../editor/app/panel_docks.py" line="+1"/>
        <source>Metrics</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../../editor/app/mainwindow.py" line="+108"/>
        <source>Panels back in their default places</source>
        <translation>パネルを既定の配置に戻しました</translation>
    </message>
    <message>
        <location filename="../../editor/app/status.py" line="+6"/>
        <source>Analysing the diagram…</source>
        <translation>図を分析中…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 company</source>
        <translation>1 社</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} companies</source>
        <translation>{count} 社</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 flow</source>
        <translation>フロー 1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} flows</source>
        <translation>フロー {count} 件</translation>
    </message>
    <message>
        <location filename="../../editor/app/analysis_view.py" line="-1"/>
        <source>Metrics — period {period}</source>
        <translation>指標 — 期間 {period}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Select a company to list only the loops through it</source>
        <translation>企業を選択すると、その企業を通るループだけを表示します</translation>
    </message>
    <message>
        <location filename="../../editor/app/flow_type_combo.py" line="+56"/>
        <source>New flows: {type}</source>
        <translation>新しいフロー: {type}</translation>
    </message>
    <message>
        <location filename="../../editor/app/mainwindow.py" line="+252"/>
        <source>Cannot Close</source>
        <translation>閉じられません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window stays open so that nothing is lost: {error}</source>
        <translation>データを失わないようにウィンドウを開いたままにします: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try File → Save As…; autosave keeps a recovery copy meanwhile.</source>
        <translation>ファイル → 名前を付けて保存… をお試しください。その間も自動保存が復元用のコピーを残します。</translation>
    </message>
    <message>
        <location filename="../../editor/app/panel_docks.py" line="-2"/>
        <location filename="../../editor/app/stress_dock.py" line="+96"/>
        <source>Stress Test</source>
        <extracomment>width of the dock when it first opens (its tables have seven columns)</extracomment>
        <translation>ストレステスト</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../editor/app/menus.py" line="+28"/>
        <source>Left</source>
        <extracomment>the Arrange → Align menu&apos;s items, by mode (translated by make_action)</extracomment>
        <translation>左揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>左右中央揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>右揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top</source>
        <translation>上揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle</source>
        <translation>上下中央揃え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom</source>
        <translation>下揃え</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="+26"/>
        <source>&amp;File</source>
        <extracomment>The menu bar&apos;s menus, by key, in their order (titles translated in the &quot;Menus&quot; context).</extracomment>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty diagram</source>
        <translation>空の図を作成します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a diagram</source>
        <translation>図を開きます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the diagram</source>
        <translation>図を保存します</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+134"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the diagram under a new name</source>
        <translation>図を別の名前で保存します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;vert</source>
        <translation>保存時の状態に戻す(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload the saved file, dropping changes</source>
        <translation>変更を破棄して保存済みのファイルを読み込み直します</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a CSV/XLSX edge list or a graph file</source>
        <translation>CSV/XLSX のエッジリストやグラフファイルを取り込みます</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;Image…</source>
        <translation>画像をエクスポート(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the diagram as PNG, SVG or PDF</source>
        <translation>図を PNG・SVG・PDF で書き出します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;Table…</source>
        <translation>表をエクスポート(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export flows, companies and loops as CSV, XLSX, GraphML or GEXF</source>
        <translation>フロー・企業・ループを CSV・XLSX・GraphML・GEXF で書き出します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;Replay…</source>
        <translation>リプレイをエクスポート(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the deals appearing in date order as an animated GIF</source>
        <translation>取引が日付順に現れるアニメーション GIF を書き出します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the diagram with its title, legend and sources</source>
        <translation>図をタイトル・凡例・出典付きで印刷します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="-48"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+9"/>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate</source>
        <translation>複製(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a company by name, or a flow by its note or source</source>
        <translation>企業を名前で、フローをメモや出典で検索します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagram &amp;Details…</source>
        <translation>図の詳細(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow Types &amp;&amp; &amp;Categories…</source>
        <translation>フローの種類とカテゴリ(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="-51"/>
        <source>&amp;Arrange</source>
        <translation>配置(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+5"/>
        <source>&amp;Align</source>
        <translation>整列(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Horizontally</source>
        <translation>水平方向(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Vertically</source>
        <translation>垂直方向(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Distribute</source>
        <translation>均等に配置(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="+68"/>
        <source>Automatic &amp;Layout</source>
        <translation>自動レイアウト(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrange the selected companies (or all) automatically</source>
        <translation>選択した企業 (またはすべて) を自動で配置します</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+8"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="+70"/>
        <source>Zoom to &amp;Fit</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+3"/>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Legend</source>
        <translation>凡例(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the colour legend</source>
        <translation>色の凡例を表示します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Snap to Grid</source>
        <translation>グリッドに合わせる(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snap moved companies to the grid</source>
        <translation>移動した企業をグリッドに合わせます</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Size Companies &amp;By</source>
        <translation>企業の大きさ(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Valuation</source>
        <translation>企業価値(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revenue</source>
        <translation>売上高(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Same Size</source>
        <translation>同じサイズ(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;System</source>
        <translation>システムに従う(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reset Layout</source>
        <translation>パネル配置をリセット(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put every panel back in its default place and size</source>
        <translation>すべてのパネルを既定の位置とサイズに戻します</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="-65"/>
        <source>&amp;Select</source>
        <extracomment>The tools: (name, text, key, tip, bundled icon).</extracomment>
        <translation>選択(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select and move (V)</source>
        <translation>選択して移動 (V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Company</source>
        <translation>企業を追加(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click on the canvas to add a company (C)</source>
        <translation>キャンバスをクリックして企業を追加 (C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw &amp;Flow</source>
        <translation>フローを描く(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag from one company to another (F)</source>
        <translation>企業から企業へドラッグ (F)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+12"/>
        <source>Flow type {number}</source>
        <translation>フローの種類 {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next Flow &amp;Type</source>
        <translation>次のフローの種類(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="+0"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/app/menus.py" line="+6"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Roundtrip</source>
        <translation>Roundtrip について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/app/toolbar.py" line="+71"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../editor/app/context_menu.py" line="+65"/>
        <source>Add Company Here</source>
        <translation>ここに企業を追加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagram Details…</source>
        <translation>図の詳細…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Edit in Inspector</source>
        <translation>インスペクターで編集</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Draw Flow From Here</source>
        <translation>ここからフローを描く</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribute</source>
        <translation>等間隔に配置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit Amount…</source>
        <translation>金額を編集…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Source Link</source>
        <translation>出典リンクを開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change Type</source>
        <translation>種類を変更</translation>
    </message>
    <message>
        <location filename="../../editor/app/help_menu.py" line="+20"/>
        <source>Draw money-flow diagrams between companies and see which money comes back: loops, circulation and round trips.</source>
        <translation>企業間のお金の流れを図に描き、どのお金が戻ってくるか (ループ・循環・ラウンドトリップ) を確かめます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Roundtrip</source>
        <translation>Roundtrip について</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Esc</source>
        <extracomment>what the mouse and keys do on the canvas besides the menus&apos; shortcuts</extracomment>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the current gesture, clear the loop highlight</source>
        <translation>操作を取り消し、ループの強調表示を消します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space+drag, middle-drag</source>
        <translation>Space+ドラッグ、中ボタンドラッグ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pan the canvas</source>
        <translation>キャンバスをスクロール</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wheel</source>
        <translation>ホイール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom at the mouse (Shift+wheel scrolls sideways)</source>
        <translation>マウス位置で拡大縮小 (Shift+ホイールで横スクロール)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click a company or amount</source>
        <translation>企業または金額をダブルクリック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the company or edit the amount in place</source>
        <translation>その場で企業名または金額を編集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Right-click</source>
        <translation>右クリック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The menu of what lies under the mouse</source>
        <translation>マウスの下にあるもののメニュー</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../editor/dialogs/messages.py" line="+30"/>
        <source>Unsaved Changes</source>
        <extracomment>Problems listed in the dialog itself; the rest go to &quot;Show Details…&quot;.</extracomment>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you want to save the changes you made to “{name}”?

Your changes will be lost if you don&apos;t save them.</source>
        <translation>「{name}」への変更を保存しますか?

保存しないと変更は失われます。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>… and {count} more (Show Details)</source>
        <translation>… ほか {count} 件 (詳細を表示)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <location filename="_runtime_strings.py" line="+38"/>
        <source>max_loops: must be 0 (no cap) or more, got {max_loops}</source>
        <translation>max_loops: 0 (上限なし) 以上にしてください。指定値: {max_loops}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max_length: a loop has at least 2 companies, got {max_length}</source>
        <translation>max_length: ループには 2 社以上が必要です。指定値: {max_length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no company with id {company_id}</source>
        <translation>ID {company_id} の企業はありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} loop</source>
        <translation>{name}のループ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow {flow}: unknown company</source>
        <translation>フロー {flow}: 不明な企業です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow {flow}: a company cannot owe itself</source>
        <translation>フロー {flow}: 企業が自社に対して債務を負うことはできません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow {flow}: amount must be a finite number &gt;= 0</source>
        <translation>フロー {flow}: 金額は 0 以上の有限の数値にしてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside money of unknown company {company}</source>
        <translation>不明な企業 {company} の外部資金です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside money of {company}: must be &gt;= 0, got {value}</source>
        <translation>{company} の外部資金: 0 以上にしてください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shock to unknown company {company}</source>
        <translation>不明な企業 {company} へのショックです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shock to {company}: must be in [0, 1], got {value}</source>
        <translation>{company} へのショック: 0 から 1 の範囲にしてください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>obligations: expected one of {choices}, got {value}</source>
        <translation>obligations: {choices} のいずれかを指定してください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value}</source>
        <translation>{what}: YYYY、YYYY-MM、YYYY-MM-DD の形式の日付を入力してください。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the period starts ({start}) after it ends ({end})</source>
        <translation>期間の開始 ({start}) が終了 ({end}) より後になっています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within: expected 0 days or more, got {days}</source>
        <translation>within: 0 日以上を指定してください。指定値: {days}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within: expected 0 or more days, got {days}</source>
        <translation>within: 0 日以上を指定してください。指定値: {days}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{period} ({kept} of {total} flows)</source>
        <translation>{period} (フロー {total} 件中 {kept} 件)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>{start} 〜 {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from {start}</source>
        <translation>{start} 以降</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until {end}</source>
        <translation>{end} まで</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all dates</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot save {target}: the folder {folder} does not exist</source>
        <translation>{target} を保存できません: フォルダー {folder} がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {target}: {reason}</source>
        <translation>{target} を保存できません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {target}: {reason} (folder {folder})</source>
        <translation>{target} を保存できません: {reason} (フォルダー {folder})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {target}: {reason} (the new content is kept in {backup})</source>
        <translation>{target} を保存できません: {reason} (新しい内容は {backup} に残してあります)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no extension</source>
        <translation>拡張子なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: cannot {verb} files with {what}; supported: {allowed}</source>
        <translation>{name}: {what} のファイルは{verb}できません。対応形式: {allowed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: no such file</source>
        <translation>{path}: ファイルがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: images are written by the image export, not here</source>
        <translation>{name}: 画像は「画像として書き出し」で書き出してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clipboard holds damaged diagram data ({reason})</source>
        <translation>クリップボードの図のデータが壊れています ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow type {type} of a pasted flow is missing</source>
        <translation>貼り付けたフローの種類 {type} がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the GEXF file holds no graph</source>
        <translation>{name}: この GEXF ファイルにはグラフがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} edge(s) had no weight; read as 1.0, GEXF&apos;s default weight</source>
        <translation>{count} 本のエッジに重みがなかったため、GEXF の既定の重み 1.0 として読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node attribute {name} changes over time ({count} dated value(s)); each company kept its last value</source>
        <translation>ノード属性 {name} は時間とともに変化します (日付付きの値 {count} 件)。各企業には最後の値を使いました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the file is {size} MB; Roundtrip reads graph files up to {limit} MB</source>
        <translation>{name}: ファイルは {size} MB です。Roundtrip が読み込めるグラフファイルは {limit} MB までです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: this is not GraphML or GEXF (the document starts with &lt;{kind}&gt;)</source>
        <translation>{name}: GraphML でも GEXF でもありません (文書が &lt;{kind}&gt; で始まっています)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {value} as a number</source>
        <translation>{value} を数値として読み取れません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a finite number</source>
        <translation>{value} は有限の数値ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{names} and {count} more</source>
        <translation>{names} ほか {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} {kind} id(s) were already used by another record and were renamed ({renamed})</source>
        <translation>{kind} の ID {count} 件は別のレコードで使われていたため、名前を変えました ({renamed})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the Roundtrip document attribute is damaged ({reason})</source>
        <translation>{name}: Roundtrip の文書属性が壊れています ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node {id}</source>
        <translation>ノード {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the id is used twice</source>
        <translation>{where}: ID が重複しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edge {id} ({source} -&gt; {target})</source>
        <translation>エッジ {id} ({source} -&gt; {target})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, attribute {name}: {problem}</source>
        <translation>{where}、属性 {name}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {problems} (and {count} more problem(s))</source>
        <translation>{name}: {problems} (ほかに {count} 件の問題)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {problems}</source>
        <translation>{name}: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node attribute {name} not mapped</source>
        <translation>ノード属性 {name} は対応付けられていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edge attribute {name} not mapped</source>
        <translation>エッジ属性 {name} は対応付けられていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} undirected edge(s) were read as flows from source to target; check their direction</source>
        <translation>無向エッジ {count} 本を source から target へのフローとして読み込みました。向きを確認してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} group node(s) ({names}) were not read as companies; the companies inside them were read, with the group as their category ({already} already had a category: the group went to their notes)</source>
        <translation>グループノード {count} 個 ({names}) は企業として読み込んでいません。中の企業はグループをカテゴリとして読み込みました ({already} 社はすでにカテゴリがあったため、グループはメモに入れました)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} group node(s) ({names}) were not read as companies; the companies inside them were read, with the group as their category</source>
        <translation>グループノード {count} 個 ({names}) は企業として読み込んでいません。中の企業はグループをカテゴリとして読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} edge(s) to or from a group node were left out (a group is not a company)</source>
        <translation>グループノードとの間のエッジ {count} 本は読み込んでいません (グループは企業ではありません)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} edge label(s) were read as the flow&apos;s amount</source>
        <translation>エッジのラベル {count} 件をフローの金額として読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} edge label(s) were kept as the flow&apos;s note</source>
        <translation>エッジのラベル {count} 件をフローのメモとして残しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} flow(s) have a period that is not a date; the period was kept in the flow&apos;s note</source>
        <translation>フロー {count} 件の期間が日付ではないため、期間はフローのメモに残しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} edge(s) have both &apos;amount&apos; and a different &apos;weight&apos;; the amount was kept</source>
        <translation>エッジ {count} 本に &apos;amount&apos; と異なる &apos;weight&apos; の両方があるため、amount を使いました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the GraphML file holds no graph</source>
        <translation>{name}: この GraphML ファイルにはグラフがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds {count} graphs; only the first was read</source>
        <translation>ファイルにはグラフが {count} 個あります。最初のものだけを読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored {count} hyperedge(s)</source>
        <translation>ハイパーエッジ {count} 本を無視しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} text value(s) held control characters that XML cannot store; they were dropped</source>
        <translation>テキスト {count} 件に XML で保存できない制御文字があったため、取り除きました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the file is empty</source>
        <translation>{name}: ファイルが空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: refused: the file uses XML features (DTDs, entities or external references) that a graph file does not need ({reason})</source>
        <translation>{name}: 読み込みを拒否しました。グラフファイルには不要な XML の機能 (DTD、実体、外部参照) が使われています ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: line {line}, column {column}: not valid XML ({reason})</source>
        <translation>{name}: {line} 行 {column} 列: 正しい XML ではありません ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the XML is nested too deeply</source>
        <translation>{name}: XML の入れ子が深すぎます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not readable XML ({reason})</source>
        <translation>{name}: XML として読み取れません ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the XML is nested too deeply (more than {depth} levels); this is not a graph file Roundtrip can read</source>
        <translation>{name}: XML の入れ子が深すぎます ({depth} 段を超えています)。Roundtrip が読めるグラフファイルではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kumu links elements by label; {count} name(s) are used by more than one company ({names}): their connections join in Kumu</source>
        <translation>Kumu は要素をラベルで結び付けます。{count} 個の名前 ({names}) が複数の企業で使われているため、Kumu ではそれらのつながりがまとまります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--by: expected some of {choices} (comma-separated); got {value}</source>
        <translation>--by: {choices} から (カンマ区切りで) 指定してください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--by: choose one period (month, quarter or year)</source>
        <translation>--by: 期間は 1 つだけ選んでください (month、quarter、year)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ledger aggregation needs the duckdb package ({reason})</source>
        <translation>台帳の集計には duckdb パッケージが必要です ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not a ledger file (expected {extensions})</source>
        <translation>{name}: 台帳ファイルではありません ({extensions} が必要です)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not a regular file</source>
        <translation>{path}: 通常のファイルではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: cannot read the ledger: {reason}</source>
        <translation>{name}: 台帳を読み込めません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: no {columns} column for the ledger (the header has: {headers})</source>
        <translation>{name}: 台帳に必要な {columns} 列がありません (見出し: {headers})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: --by {period} needs a &apos;date&apos; column (the header has: {headers})</source>
        <translation>{name}: --by {period} には &apos;date&apos; 列が必要です (見出し: {headers})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: cannot sum the ledger: {reason}</source>
        <translation>{name}: 台帳を集計できません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {unreadable} payment(s) have an amount that is not a plain number (e.g. 1500000 or 1.5); fix them or leave the cell empty</source>
        <translation>{name}: 支払い {unreadable} 件の金額が単純な数値 (例: 1500000、1.5) ではありません。修正するか、セルを空にしてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} payments sum to </source>
        <translation>支払い {count} 件を合計すると </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {what}{flows} flows; a diagram holds at most {limit}. Sum them per pair: roundtrip convert {name} OUT.roundtrip --aggregate (add --by type or --by type,month only if that stays under the limit)</source>
        <translation>{name}: {what}フロー {flows} 件になります。1 つの図に入るのは {limit} 件までです。組ごとに合計してください: roundtrip convert {name} OUT.roundtrip --aggregate (--by type や --by type,month は上限を超えない場合にだけ付けてください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>summed {payments} payments into {flows} flows (per {grouping})</source>
        <translation>支払い {payments} 件を {flows} 件のフローに合計しました ({grouping} ごと)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>someone</source>
        <translation>誰か</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another computer</source>
        <translation>別のコンピューター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} on {host} (process {pid}) since {since}</source>
        <translation>{host} の {user} (プロセス {pid}、{since} から)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} on {host} (process {pid})</source>
        <translation>{host} の {user} (プロセス {pid})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable file</source>
        <translation>読み取れないファイルです</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>{problem} (and {count} more problem(s))</source>
        <translation>{problem} (ほかに {count} 件の問題)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>the image would be {width} × {height} pixels, more than {limit} million; choose a smaller width or scale</source>
        <translation>画像が {width} × {height} ピクセルとなり、{limit} 百万ピクセルを超えます。幅か倍率を小さくしてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not enough memory for a {width} × {height} pixel image; choose a smaller width</source>
        <translation>{width} × {height} ピクセルの画像を作るメモリーが足りません。幅を小さくしてください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>some numbers use a decimal comma ({comma}), others a decimal point ({point})</source>
        <translation>小数点にカンマを使う数値 ({comma}) とピリオドを使う数値 ({point}) が混在しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numbers like {value} read as a decimal number with a decimal point or a whole number with a thousands point; the decimal mark cannot be told</source>
        <translation>{value} のような数値は、ピリオドを小数点とする小数とも、ピリオドを桁区切りとする整数とも読めるため、小数点記号を判別できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the flows from the sheet {flows} and the companies from {companies}</source>
        <translation>フローをシート {flows} から、企業をシート {companies} から読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the flows from the sheet {flows}</source>
        <translation>フローをシート {flows} から読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>also read the companies table {file}</source>
        <translation>企業の表 {file} も読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: not a table file (expected {expected})</source>
        <translation>{file}: 表のファイルではありません (対応形式: {expected})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &apos;name&apos; column (the header has: {headers})</source>
        <translation>&apos;name&apos; 列がありません (見出し: {headers})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no &apos;{field}&apos; column (the header has: {headers})</source>
        <translation>&apos;{field}&apos; 列がありません (見出し: {headers})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no column named {header} for {field}</source>
        <translation>{field} に対応する列 {header} がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} and {count} more</source>
        <translation>{first} ほか {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} flow id(s) were also company ids and were renamed ({shown})</source>
        <translation>{count} 件のフロー ID が企業 ID と重複していたため、ID を付け直しました ({shown})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} undirected row(s) were read as flows from source to target; check their direction</source>
        <translation>向きのない {count} 行を、支払元から支払先へのフローとして読み込みました。向きを確認してください</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagram</source>
        <translation>図</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {path}: character {position} of the {what} text is a lone surrogate (\u{code}), which cannot be written</source>
        <translation>{path} を保存できません: {what}のテキストの {position} 文字目が単独のサロゲート (\u{code}) で、書き込めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {path}: the {what} would be {data}, and Roundtrip reads {what}s up to {limit}; export it as a CSV table instead, or split it</source>
        <translation>{path} を保存できません: {what}は {data} になりますが、Roundtrip が読み込める{what}は {limit} までです。代わりに CSV の表として書き出すか、分割してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected text</source>
        <translation>テキストが必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a number</source>
        <translation>数値が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a finite number</source>
        <translation>有限の数値が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section}: expected a list, got {value}</source>
        <translation>{section}: リストが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: expected an object, got {value}</source>
        <translation>{where}: オブジェクトが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{key}: unknown field</source>
        <translation>{where}.{key}: 不明な項目です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{key}: missing</source>
        <translation>{where}.{key}: ありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{key}: {value} is too large</source>
        <translation>{where}.{key}: {value} は大きすぎます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{key}: {expected}, got {value}</source>
        <translation>{where}.{key}: {expected}が、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.{problem}</source>
        <translation>{where}.{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a Roundtrip document (a JSON object), got {value}</source>
        <translation>Roundtrip の文書 (JSON オブジェクト) が必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>format: this is not a Roundtrip diagram (format is {found})</source>
        <translation>format: Roundtrip の図ではありません (format は {found})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version: expected a whole number, got {value}</source>
        <translation>version: 整数が必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version: this file was written by a newer Roundtrip (format version {version}); this version reads up to {latest}. Please update Roundtrip.</source>
        <translation>version: このファイルは新しい Roundtrip で書かれています (形式バージョン {version})。このバージョンが読めるのは {latest} までです。Roundtrip を更新してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version: {version} is not a valid format version</source>
        <translation>version: {version} は正しい形式バージョンではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key}: unknown section</source>
        <translation>{key}: 不明なセクションです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view: needs format version {needed} or later (the file says {version})</source>
        <translation>view: 形式バージョン {needed} 以降が必要です (ファイルは {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metadata: expected an object, got {value}</source>
        <translation>metadata: オブジェクトが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metadata.{key}: unknown field</source>
        <translation>metadata.{key}: 不明な項目です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metadata.{key}: expected text, got {value}</source>
        <translation>metadata.{key}: テキストが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section}: missing</source>
        <translation>{section}: ありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>... {count} more</source>
        <translation>… ほかに {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{section}[{i}].id: {id} is already used by {seen}</source>
        <translation>{section}[{i}].id: {id} はすでに {seen} で使われています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>companies[{i}].category: {category} is not a category of this file</source>
        <translation>companies[{i}].category: {category} はこのファイルのカテゴリではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flows[{i}].{end}: {company} is not a company of this file</source>
        <translation>flows[{i}].{end}: {company} はこのファイルの企業ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flows[{i}].type: {type} is not a flow type of this file</source>
        <translation>flows[{i}].type: {type} はこのファイルのフローの種類ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is nested too deeply to be a Roundtrip diagram</source>
        <translation>入れ子が深すぎて、Roundtrip の図ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byte {start}: the file is not UTF-8 text (is it a Roundtrip diagram?)</source>
        <translation>{start} バイト目: UTF-8 のテキストではありません (Roundtrip の図ですか?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {lineno}, column {colno}: not valid JSON ({reason})</source>
        <translation>{lineno} 行 {colno} 列: 正しい JSON ではありません ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not allowed in a Roundtrip file (amounts must be finite numbers)</source>
        <translation>{name} は Roundtrip のファイルでは使えません (金額は有限の数値でなければなりません)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opens diagrams</source>
        <translation>開ける図</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovery file</source>
        <translation>復元用ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown time</source>
        <translation>時刻不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the recovery file is damaged ({reason})</source>
        <translation>復元用ファイルが壊れています ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not a Roundtrip recovery file</source>
        <translation>Roundtrip の復元用ファイルではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovery format version {version} is not supported</source>
        <translation>復元用ファイルの形式バージョン {version} には対応していません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the recovery file: {reason}</source>
        <translation>復元用ファイルを読み込めません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a named pipe (FIFO)</source>
        <translation>名前付きパイプ (FIFO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a regular file</source>
        <translation>通常のファイル以外のもの</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {reason}</source>
        <translation>{where}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is {kind}, not a file; Roundtrip reads only regular files</source>
        <translation>これはファイルではなく{kind}です。Roundtrip が読み込むのは通常のファイルだけです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over the limit</source>
        <translation>上限を超える大きさ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} bytes</source>
        <translation>{count} バイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is {size}; Roundtrip {what} up to {shown_limit}</source>
        <translation>ファイルは {size} です。Roundtrip で{what}は {shown_limit} までです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reads files</source>
        <translation>読み込めるファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the file: {reason}</source>
        <translation>ファイルを読み込めません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>larger than {limit}</source>
        <translation>{limit} 超</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read {value} as a date (expected 2025, 2025-09 or 2025-09-22)</source>
        <translation>{value} を日付として読めません (2025、2025-09、2025-09-22 の形式で入力してください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {value} as a position</source>
        <translation>{value} を位置として読めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the id {id} is already used by a flow type, category or flow</source>
        <translation>ID {id} はフローの種類、分類、フローのいずれかで既に使われています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the company name is empty</source>
        <translation>企業名が空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the company {name} is listed twice</source>
        <translation>企業 {name} が重複して記載されています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the id {id} is already used by a flow type or category</source>
        <translation>ID {id} はフローの種類または分類で既に使われています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the source company is empty</source>
        <translation>支払元の企業が空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the target company is empty</source>
        <translation>支払先の企業が空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected one of exact, up to, estimated; got {value}</source>
        <translation>exact、up to、estimated のいずれかを指定してください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected one of {choices}; got {value}</source>
        <translation>{choices} のいずれかを指定してください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the id {id} is used twice</source>
        <translation>ID {id} が重複しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: the table is empty (expected a header row with &apos;source&apos; and &apos;target&apos;)</source>
        <translation>{source}: 表が空です (&apos;source&apos; と &apos;target&apos; を含む見出し行が必要です)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: the header names column {first} and column {second} both &apos;{name}&apos;; rename one of them</source>
        <translation>{source}: 見出しで {first} 列と {second} 列の名前がどちらも &apos;{name}&apos; です。どちらかの名前を変えてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: row {row} has {cells} or more cells but the header has {width} columns</source>
        <translation>{source}: {row} 行目のセルが {cells} 個以上ありますが、見出しは {width} 列です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem} (and {count} more rows like it)</source>
        <translation>{problem} (同様の行がほかに {count} 行)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: this is a folder, not a file</source>
        <translation>{path}: ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the file is {size} MB; Roundtrip reads tables up to {limit} MB</source>
        <translation>{file}: ファイルの大きさが {size} MB あります。Roundtrip が読み込める表は {limit} MB までです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the file claims to be UTF-16 but is not readable as such</source>
        <translation>{file}: UTF-16 と表示されていますが、UTF-16 として読めません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: this is not a text table (it contains binary data); save it as CSV (UTF-8) or XLSX</source>
        <translation>{file}: テキストの表ではありません (バイナリーデータを含んでいます)。CSV (UTF-8) か XLSX で保存してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: not UTF-8 (first odd byte on line {line}); read as {encoding} - check accented names, or save the file as CSV UTF-8</source>
        <translation>{file}: UTF-8 ではありません (最初の不正なバイトは {line} 行目)。{encoding} として読み込みました。アクセント付きの名前を確認するか、CSV UTF-8 で保存し直してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: row {row}, column {column}: the cell holds {chars} characters; Roundtrip reads cells up to {limit}</source>
        <translation>{source}: {row} 行目、{column} 列: セルに {chars} 文字あります。Roundtrip が読み込めるのは 1 セル {limit} 文字までです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: more than {limit} rows; Roundtrip imports up to {limit} (sum a ledger with &apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos;)</source>
        <translation>{file}: {limit} 行を超えています。Roundtrip が取り込めるのは {limit} 行までです (&apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos; で台帳として集計してください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: row {row}: not valid CSV ({reason})</source>
        <translation>{file}: {row} 行目: CSV として正しくありません ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: this is an Excel workbook, not a CSV file; give it the .xlsx extension</source>
        <translation>{file}: CSV ファイルではなく Excel ブックです。拡張子を .xlsx にしてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the file is empty</source>
        <translation>{file}: ファイルが空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} text cell(s) held control characters that XLSX cannot store; they were dropped</source>
        <translation>{count} 個のテキストセルに XLSX に保存できない制御文字が含まれていたため、取り除きました</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>the search ran out of time</source>
        <translation>探索が制限時間に達しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most {count} are listed</source>
        <translation>最大 {count} 件まで表示しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loops table is not complete ({why})</source>
        <translation>ループの表は完全ではありません ({why})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>row {row}, column &apos;{column}&apos;: {problem}</source>
        <translation>{row} 行目、列 &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row}: {problem}</source>
        <translation>{row} 行目: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column &apos;{column}&apos;: {problem}</source>
        <translation>列 &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the column {column} holds Directed/Undirected: read as the direction; the flow types come from {relation}</source>
        <translation>列 {column} の値は Directed/Undirected のため、フローの向きとして読み込みました。フローの種類は {relation} から読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the column {column} holds Directed/Undirected: read as the direction</source>
        <translation>列 {column} の値は Directed/Undirected のため、フローの向きとして読み込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} row(s) name several companies separated by &apos;{mark}&apos;: one flow per pair</source>
        <translation>{count} 行が &apos;{mark}&apos; 区切りで複数の企業を挙げているため、組み合わせごとに 1 件のフローにしました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the decimal mark must be &apos;,&apos; or &apos;.&apos;, got {value}</source>
        <translation>小数点記号は &apos;,&apos; か &apos;.&apos; にしてください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}; {hint}</source>
        <translation>{problem}。{hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set the decimal mark (--decimal-mark , or --decimal-mark . on the command line)</source>
        <translation>小数点記号を指定してください (コマンドラインでは --decimal-mark , または --decimal-mark .)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: column(s) {columns} not read</source>
        <translation>{where}: 列 {columns} は読み込みませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.period.outside: expected &quot;hide&quot; or &quot;fade&quot;, got {outside}</source>
        <translation>view.period.outside: &quot;hide&quot; か &quot;fade&quot; が必要ですが、{outside} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.period: from {start} is after to {end}</source>
        <translation>view.period: 開始 {start} が終了 {end} より後です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view: expected an object, got {kind}</source>
        <translation>view: オブジェクトが必要ですが、{kind} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.period: expected an object, got {kind}</source>
        <translation>view.period: オブジェクトが必要ですが、{kind} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.period.{key}: expected text, got {kind}</source>
        <translation>view.period.{key}: テキストが必要ですが、{kind} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.period: {problem}</source>
        <translation>view.period: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view.hidden_types: expected a list of flow type ids</source>
        <translation>view.hidden_types: フローの種類の ID のリストが必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the workbook unpacks to {size} MB; Roundtrip reads workbooks up to {limit} MB unpacked</source>
        <translation>{file}: ブックを展開すると {size} MB になります。Roundtrip が読み込めるのは展開後 {limit} MB までです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: a sheet declares {rows} rows; Roundtrip imports up to {limit} rows (sum a ledger with &apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos;)</source>
        <translation>{file}: 行数が {rows} 行と宣言されたシートがあります。Roundtrip が取り込めるのは {limit} 行までです (&apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos; で台帳として集計してください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: a sheet has {rows} rows; Roundtrip imports up to {limit} rows (sum a ledger with &apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos;)</source>
        <translation>{file}: {rows} 行あるシートがあります。Roundtrip が取り込めるのは {limit} 行までです (&apos;roundtrip convert {file} OUT.roundtrip --aggregate&apos; で台帳として集計してください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: not a readable Excel workbook (.xlsx): {reason}</source>
        <translation>{file}: 読み込める Excel ブック (.xlsx) ではありません: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: more than {limit} rows; Roundtrip imports up to {limit} (sum a ledger with &apos;roundtrip convert FILE OUT.roundtrip --aggregate&apos;)</source>
        <translation>{source}: {limit} 行を超えています。Roundtrip が取り込めるのは {limit} 行までです (&apos;roundtrip convert FILE OUT.roundtrip --aggregate&apos; で台帳として集計してください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}, sheet &apos;{sheet}&apos;</source>
        <translation>{file} のシート &apos;{sheet}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: row {row}, column {column}: the formula {formula} has no saved result; open the file in a spreadsheet program and save it again</source>
        <translation>{source}: {row} 行目、{column} 列: 数式 {formula} の計算結果が保存されていません。表計算ソフトで開き、保存し直してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: every sheet of the workbook is empty</source>
        <translation>{file}: ブックのシートがすべて空です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {value} as an amount</source>
        <translation>{value} を金額として読み取れません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a usable amount (it must be a finite number)</source>
        <translation>{value} は金額として使えません (有限の数値でなければなりません)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is a percentage, not an amount</source>
        <translation>{value} は割合で、金額ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is negative; amounts must not be negative (draw the flow the other way round)</source>
        <translation>{value} は負の値です。金額は負にできません (フローを逆向きに描いてください)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is larger than the largest allowed amount ({largest})</source>
        <translation>{value} は金額の上限 ({largest}) を超えています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected a number like 40 or 1.5, got {value}</source>
        <translation>{what}: 40 や 1.5 のような数値を入力してください。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: must be a finite number</source>
        <translation>{what}: 有限の数値にしてください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: must not be negative</source>
        <translation>{what}: 負の値にはできません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metadata.{name}: expected text, got {value}</source>
        <translation>metadata.{name}: テキストが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metadata.unit: must not be empty</source>
        <translation>metadata.unit: 空にはできません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate flow type id {id}</source>
        <translation>フローの種類の ID {id} が重複しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate category id {id}</source>
        <translation>カテゴリの ID {id} が重複しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no flow with id {flow_id}</source>
        <translation>ID {flow_id} のフローはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no flow type with id {type_id}</source>
        <translation>ID {type_id} のフローの種類はありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no category with id {category_id}</source>
        <translation>ID {category_id} のカテゴリはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add_company expects a Company</source>
        <translation>add_company には Company が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a company with id {id} already exists</source>
        <translation>ID {id} の企業はすでにあります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>company {name}: unknown category {category}</source>
        <translation>企業 {name}: 不明なカテゴリ {category} です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow {id}: {end} {company} is not a company</source>
        <translation>フロー {id}: {end} の {company} は企業ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow {id}: unknown flow type {type}</source>
        <translation>フロー {id}: 不明なフローの種類 {type} です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add_flow expects a Flow</source>
        <translation>add_flow には Flow が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a flow with id {id} already exists</source>
        <translation>ID {id} のフローはすでにあります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow type</source>
        <translation>フローの種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow(s)</source>
        <translation>件のフロー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>company(ies)</source>
        <translation>社の企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {word} with id {id} already exists</source>
        <translation>ID {id} の{word}はすでにあります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {word} named {name} already exists</source>
        <translation>{name} という名前の{word}はすでにあります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{word} {name} is used by {used} {users}; change them first</source>
        <translation>{word} {name} は {used} {users}で使われています。先にそれらを変更してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown metadata field(s): {unknown}</source>
        <translation>不明なメタデータ項目: {unknown}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate id {id}</source>
        <translation>ID {id} が重複しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected a date like 2025-09-22, got {value}</source>
        <translation>{what}: 2025-09-22 のような日付を入力してください。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value}</source>
        <translation>{what}: YYYY、YYYY-MM、YYYY-MM-DD のいずれかの形式で入力してください。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: month {month} is out of range in {value}</source>
        <translation>{what}: {value} の月 {month} が範囲外です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {value} is not a calendar date</source>
        <translation>{what}: {value} は実在しない日付です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {value} is too large</source>
        <translation>{what}: {value} は大きすぎます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected a number, got {value}</source>
        <translation>{what}: 数値が必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: must be a finite number, got {value}</source>
        <translation>{what}: 有限の数値にしてください。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: must not be negative, got {value}</source>
        <translation>{what}: 負の値にはできません。入力値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {value} is too large (larger than the largest allowed, {largest})</source>
        <translation>{what}: {value} は大きすぎます (上限 {largest} を超えています)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected a colour like #1f77b4, got {value}</source>
        <translation>{what}: #1f77b4 のような色を指定してください。指定値: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: expected text, got {value}</source>
        <translation>{what}: テキストが必要ですが、{value} でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: must not be empty</source>
        <translation>{what}: 空にはできません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: character {position} is a lone surrogate (\u{code}), which is not text; fix it in the file</source>
        <translation>{what}: {position} 文字目が単独のサロゲート (\u{code}) で、テキストではありません。ファイルを修正してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {value} is not a usable canvas position</source>
        <translation>{what}: {value} はキャンバス上の位置として使えません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field(s): {unknown}</source>
        <translation>不明な項目: {unknown}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an id cannot be changed</source>
        <translation>ID は変更できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size: expected 1 to 1000, got {size}</source>
        <translation>size: 1 から 1000 の値にしてください。指定値: {size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qualifier: expected one of {choices}, got {qualifier}</source>
        <translation>qualifier: {choices} のいずれかを指定してください。指定値: {qualifier}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status: expected one of {choices}, got {status}</source>
        <translation>status: {choices} のいずれかを指定してください。指定値: {status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end_date: {end_date} is before the start date {date}</source>
        <translation>end_date: {end_date} が開始日 {date} より前です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only web addresses starting with http:// or https:// are opened</source>
        <translation>開けるのは http:// か https:// で始まるウェブアドレスだけです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address contains invisible characters ({characters}), which can hide where it leads</source>
        <translation>アドレスに見えない文字 ({characters}) が含まれており、本当のリンク先が隠れているおそれがあります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address puts a user name before the host; it leads to {host}, not to the name before the @</source>
        <translation>アドレスのホストの前にユーザー名があります。リンク先は @ の前の名前ではなく {host} です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name uses non-Latin letters ({scripts}) that can look like Latin ones; the browser will go to {ascii_host}</source>
        <translation>ホスト名にラテン文字とまぎらわしい非ラテン文字 ({scripts}) が使われています。ブラウザーが開くのは {ascii_host} です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name is an encoded international name ({host})</source>
        <translation>ホスト名はエンコードされた国際化ドメイン名 ({host}) です</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <location filename="../../editor/panels/metrics.py" line="+34"/>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+381"/>
        <source>Inflow</source>
        <translation>流入</translation>
    </message>
    <message>
        <location line="-380"/>
        <location line="+381"/>
        <source>Outflow</source>
        <translation>流出</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>Net</source>
        <translation>純額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round trip</source>
        <translation>ラウンドトリップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT ratio</source>
        <translation>RT 比率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val / rev</source>
        <translation>価値/売上</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not computed: the diagram is large. Click “Compute all” below the table, or run “roundtrip analyze” for every figure.</source>
        <extracomment>Shown for a round-trip figure the interactive analysis left out for time.</extracomment>
        <translation>未計算: 図が大きいためです。表の下の「すべて計算」をクリックするか、すべての数値を得るには「roundtrip analyze」を実行してください。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>{incoming} incoming and {outgoing} outgoing flows without an amount</source>
        <translation>金額のない流入フロー {incoming} 件と流出フロー {outgoing} 件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>in at least one loop</source>
        <translation>少なくとも 1 つのループに含まれる</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Nothing to show yet</source>
        <translation>まだ表示するものはありません</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Total money</source>
        <extracomment>the value text of each row (&quot;$75.4B / $12B&quot;), made once: the paint measures and draws them whole The user asks for every round-trip figure (the interactive analysis leaves some out on big diagrams).</extracomment>
        <translation>総額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circulating</source>
        <translation>循環額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circular share</source>
        <translation>循環の割合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies in loops</source>
        <translation>ループ内の企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flows without amount</source>
        <translation>金額のないフロー</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Companies</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inflow / outflow</source>
        <translation>流入/流出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By type</source>
        <translation>種類別</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{mark} Some round-trip figures are not computed yet: the diagram is large.</source>
        <translation>{mark} 図が大きいため、ラウンドトリップの数値の一部はまだ計算していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+56"/>
        <source>Compute all</source>
        <translation>すべて計算</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Compute every round-trip figure in the background</source>
        <translation>ラウンドトリップのすべての数値をバックグラウンドで計算します</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>not computed: the map is too large for the time budget</source>
        <translation>未計算: マップが大きすぎて制限時間内に計算できません</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>{part} of {whole}</source>
        <translation>{part} / {whole}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Known amounts of each flow type, added up</source>
        <translation>フローの種類ごとの既知の金額の合計</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../editor/canvas/minimap.py" line="+43"/>
        <source>Overview: click or drag to move the view</source>
        <extracomment>Up to this many flows the overview is the map drawn small; above, dots for the companies.</extracomment>
        <translation>全体図: クリックまたはドラッグで表示位置を移動</translation>
    </message>
</context>
<context>
    <name>Patterns</name>
    <message>
        <location filename="_runtime_strings.py" line="-305"/>
        <source>round-trip trade</source>
        <translation>往復取引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>circular financing</source>
        <translation>循環金融</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compute-for-equity</source>
        <translation>株式と引き換えの計算資源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vendor financing</source>
        <translation>ベンダーファイナンス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>investment-for-revenue</source>
        <translation>投資と引き換えの売上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue round trip</source>
        <translation>売上の循環</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guaranteed loop</source>
        <translation>保証付きループ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed loop</source>
        <translation>混合ループ</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../editor/app/printing.py" line="+49"/>
        <source>Print Diagram</source>
        <translation>図を印刷</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not printed: {reason}</source>
        <translation>印刷されませんでした: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to the printer</source>
        <translation>プリンターに送信しました</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../../editor/background/reading.py" line="+99"/>
        <source>{rows} rows read</source>
        <extracomment>The progress window appears only when a read takes longer than this (ms). How often the GUI thread looks at the worker (ms): finished, cancelled, progress. The bar&apos;s steps when the total is known. Work done on the GUI thread in steps (:func:`run_in_steps`) runs this long per turn of the event loop (s). The reads running now, innermost last, with the widget each was started for (GUI thread only).</extracomment>
        <translation>{rows} 行を読み込みました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{done} of {total} MB read</source>
        <translation>{total} MB 中 {done} MB を読み込みました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} MB read</source>
        <translation>{done} MB を読み込みました</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../editor/dialogs/recovery_dialog.py" line="+50"/>
        <location line="+114"/>
        <source>Recover Unsaved Work</source>
        <translation>未保存の作業を復元</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Roundtrip did not close normally. These diagrams had changes that were not saved; autosave kept a copy of each.</source>
        <translation>Roundtrip は正常に終了しませんでした。次の図には保存されていない変更がありました。自動保存がそれぞれのコピーを残しています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved from</source>
        <translation>保存元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Autosaved at</source>
        <translation>自動保存の日時</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(never saved)</source>
        <translation>(未保存)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot be restored: {problem}</source>
        <translation>復元できません: {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (damaged)</source>
        <translation>{name} (破損)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This diagram was never saved.</source>
        <translation>この図は一度も保存されていません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Discard Recovered Work</source>
        <translation>復元した作業を破棄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the autosaved copy of {count} diagram(s)? Their unsaved changes will be lost.</source>
        <translation>{count} 件の図の自動保存コピーを削除しますか? 保存されていない変更は失われます。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Restoring {name}…</source>
        <translation>{name} を復元しています…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>another Roundtrip window restored it first</source>
        <translation>別の Roundtrip ウィンドウが先に復元しました</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking for unsaved work…</source>
        <translation>保存されていない作業を探しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some diagrams could not be restored:</source>
        <translation>一部の図を復元できませんでした:</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <location filename="../../editor/canvas/export/replay.py" line="+40"/>
        <source>January</source>
        <extracomment>month names of the frame captions, translated into the interface language when drawn</extracomment>
        <translation>1月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>1 deal</source>
        <extracomment>Default frame width (pixels) of a replay: big enough to read, small enough for a GIF. The last frame stays this many times longer than the others (at least LAST_FRAME_MS). More frames than this are refused (a GIF of thousands of frames helps nobody).</extracomment>
        <translation>取引 1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} deals</source>
        <translation>取引 {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{month} {year}</source>
        <translation>{year}年{month}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{index} of {total}</source>
        <translation>{index} / {total}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>1 undated flow left out</source>
        <translation>日付のないフロー 1 件を除外</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} undated flows left out</source>
        <translation>日付のないフロー {count} 件を除外</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <location filename="_runtime_strings.py" line="+25"/>
        <source>The AI money machine, 2025</source>
        <translation>AI マネーマシン (2025 年)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy-trading round trips, 1999-2002</source>
        <translation>エネルギー取引の循環取引 (1999–2002 年)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teaching loops (fictional companies)</source>
        <translation>学習用のループ (架空の企業)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telecom vendor financing, 1998-2002</source>
        <translation>通信機器のベンダーファイナンス (1998–2002 年)</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../editor/app/start.py" line="+97"/>
        <source>Not restored: {name} is offered again at the next start</source>
        <translation>復元しませんでした：{name} は次回の起動時にもう一度表示されます</translation>
    </message>
</context>
<context>
    <name>Stress</name>
    <message>
        <location filename="_runtime_strings.py" line="-36"/>
        <source>Not a forecast: one period, every amount treated as due now, no fire sales or bankruptcy costs.</source>
        <translation>予測ではありません: 1 期間のみ、すべての金額を今すぐ支払うべきものとして扱い、投げ売りや破綻コストは考慮しません。</translation>
    </message>
</context>
<context>
    <name>StressMarks</name>
    <message>
        <location filename="../../editor/canvas/stress_marks.py" line="+50"/>
        <source>Paid {paid} of what is owed; {unpaid} left unpaid (stress test)</source>
        <translation>債務の {paid} を支払い、{unpaid} が未払い (ストレステスト)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot pay all it owes: defaults in domino round {round} (stress test)</source>
        <translation>債務を全額支払えません: ドミノの第 {round} 段階で債務不履行 (ストレステスト)</translation>
    </message>
</context>
<context>
    <name>StressPanel</name>
    <message>
        <location filename="../../editor/panels/stress.py" line="+44"/>
        <location line="+3"/>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Outside money</source>
        <translation>外部資金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shock</source>
        <translation>ショック</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After shock</source>
        <translation>ショック後</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owed</source>
        <translation>債務</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>支払済</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>受取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortfall</source>
        <translation>不足額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recovery</source>
        <translation>回収率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round</source>
        <translation>ラウンド</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still due (committed, announced, unconfirmed)</source>
        <translation>未払いのもの (確約・発表・未確認)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All flows</source>
        <translation>すべてのフロー</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Obligations:</source>
        <extracomment>The marks for the canvas at the chosen domino step (a :class:`StressOverlay`). A fresh :class:`StressResult` (the clearing of the newest inputs). True while a clearing is waiting or running.</extracomment>
        <translation>債務:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which flows a company owes: those whose money is still due (a paid flow is settled), or every flow with an amount.</source>
        <translation>企業が負う債務とみなすフロー: まだ支払われていないもの (支払済のフローは決済済み)、または金額のあるすべてのフロー。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+229"/>
        <source>Largest debtor pays nothing</source>
        <translation>最大の債務者が支払わない</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Revenue only</source>
        <translation>売上高のみ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every company&apos;s outside money back to its revenue, no shocks.</source>
        <translation>各企業の外部資金を売上高に戻し、ショックなし。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Show domino round:</source>
        <translation>連鎖のラウンドを表示:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Round 1: companies that cannot pay even if everyone else pays in full; round 2: those who then cannot pay, and so on.</source>
        <translation>ラウンド 1: 他の全員が全額を支払っても支払えない企業。ラウンド 2: その結果支払えなくなる企業。以下同様。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>nobody defaults</source>
        <translation>債務不履行なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of {rounds}: 1 company in default</source>
        <translation>/ {rounds}: 1 社が債務不履行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of {rounds}: {count} companies in default</source>
        <translation>/ {rounds}: {count} 社が債務不履行</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>its revenue</source>
        <translation>売上高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no revenue recorded: 0</source>
        <translation>売上高の記録なし: 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Money {name} has to pay with (default: {revenue}). Empty: back to the default.</source>
        <translation>{name} が支払いに使える資金 (既定値: {revenue})。空欄にすると既定値に戻ります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shock: share of {name}&apos;s outside money lost</source>
        <translation>ショック: {name} が失う外部資金の割合</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>outside money</source>
        <translation>外部資金</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} pays nothing</source>
        <translation>{name} が支払わない</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} loses all its own money (shock 100 %): it pays only what it receives from others. Everyone else has its revenue.</source>
        <translation>{name} が自己資金をすべて失います (ショック 100 %)。他社から受け取った分だけを支払います。他の企業は売上高を持ちます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The company that owes the most</source>
        <translation>最大の債務を負う企業</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Stress test failed: {error}</source>
        <translation>ストレステストに失敗しました: {error}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unpaid: {shortfall} of {owed} owed ({share}).</source>
        <translation>未払い: 債務 {owed} のうち {shortfall} ({share})。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0 companies default.</source>
        <translation>債務不履行の企業はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 company defaults over 1 round.</source>
        <translation>1 ラウンドで 1 社が債務不履行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} companies default over 1 round.</source>
        <translation>1 ラウンドで {count} 社が債務不履行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 company defaults over {rounds} rounds.</source>
        <translation>{rounds} ラウンドで 1 社が債務不履行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} companies default over {rounds} rounds.</source>
        <translation>{rounds} ラウンドで {count} 社が債務不履行。</translation>
    </message>
</context>
<context>
    <name>TableCellsDialog</name>
    <message>
        <location filename="../../editor/dialogs/export_dialog.py" line="+16"/>
        <source>Export Table</source>
        <translation>表を書き出し</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 text cell starts with =, +, -, @, a tab or a line break. Spreadsheet programs could run such cells as formulas, so they are written with a leading &apos; (Roundtrip reads them back unchanged).</source>
        <translation>テキストのセル 1 個が =、+、-、@、タブまたは改行で始まっています。表計算ソフトはこのようなセルを数式として実行する可能性があるため、先頭に &apos; を付けて書き出します (Roundtrip では元どおりに読み込めます)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} text cells start with =, +, -, @, a tab or a line break. Spreadsheet programs could run such cells as formulas, so they are written with a leading &apos; (Roundtrip reads them back unchanged).</source>
        <translation>テキストのセル {count} 個が =、+、-、@、タブまたは改行で始まっています。表計算ソフトはこのようなセルを数式として実行する可能性があるため、先頭に &apos; を付けて書き出します (Roundtrip では元どおりに読み込めます)。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write cells untouched (for scripts and pipelines, not spreadsheets)</source>
        <translation>セルをそのまま書き出す (表計算ソフトではなく、スクリプトやパイプライン向け)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../editor/panels/timeline.py" line="+52"/>
        <source>One deal at a time</source>
        <translation>取引ごと</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One month at a time</source>
        <translation>月ごと</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide flows outside</source>
        <translation>期間外のフローを隠す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fade flows outside</source>
        <translation>期間外のフローを薄く表示</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Play the deals in date order (Space)</source>
        <extracomment>Changes that cannot add, remove, move or recolour a tick. the period to analyse: (from, to), each &quot;YYYY-MM-DD&quot; or &quot;&quot; for an open end</extracomment>
        <translation>取引を日付順に再生 (Space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the next deal or month (.)</source>
        <translation>次の取引または月を表示 (.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart</source>
        <translation>最初から</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the first deal (Home)</source>
        <translation>最初の取引に戻る (Home)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All dates</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every flow: no period</source>
        <translation>すべてのフローを表示 (期間指定なし)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Playing speed</source>
        <translation>再生速度</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>{count} undated</source>
        <translation>日付なし {count} 件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No dated flows</source>
        <translation>日付のあるフローはありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All dates: {first} to {last} · {count} dated flows</source>
        <translation>全期間: {first} 〜 {last} · 日付のあるフロー {count} 件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period {first} to {last} · {shown} of {count} dated flows</source>
        <translation>期間 {first} 〜 {last} · 日付のあるフロー {count} 件中 {shown} 件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+7"/>
        <source>Export Replay</source>
        <translation>リプレイを書き出し</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Animated GIF (*.gif)</source>
        <translation>アニメーション GIF (*.gif)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Frames:</source>
        <translation>フレーム:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot Export Replay</source>
        <translation>リプレイを書き出せません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {name}: {count} frames</source>
        <translation>{name} を書き出しました: {count} フレーム</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <location filename="../../editor/panels/timeline_strip.py" line="+42"/>
        <source>Drag the handles to choose a period; the canvas and the analysis follow.</source>
        <extracomment>(first day, last day) of the range, both included, as date ordinals</extracomment>
        <translation>ハンドルをドラッグして期間を選択します。キャンバスと分析が追従します。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>No dated flows</source>
        <translation>日付のあるフローはありません</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <location filename="../../editor/canvas/tools/add_company.py" line="+10"/>
        <source>New company</source>
        <translation>新しい企業</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot add a company: {error}</source>
        <translation>企業を追加できません: {error}</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/tools/draw_flow.py" line="+38"/>
        <source>Drag from one company to another to draw a flow.</source>
        <translation>企業から別の企業へドラッグしてフローを描きます。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No flow drawn: drop the arrow on another company.</source>
        <translation>フローは描かれていません: 矢印を別の企業の上で放してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot add the flow: {error}</source>
        <translation>フローを追加できません: {error}</translation>
    </message>
    <message>
        <location filename="../../editor/canvas/tools/select.py" line="+89"/>
        <location line="+35"/>
        <source>Cannot move: {error}</source>
        <extracomment>a press that moves less than this (view pixels) is a click, not a drag</extracomment>
        <translation>移動できません: {error}</translation>
    </message>
</context>
</TS>
