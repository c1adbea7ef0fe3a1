<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ExportImageDialog</name>
    <message>
        <location filename="../../editor/dialogs/export_dialog.py" line="+65"/>
        <location line="+187"/>
        <location line="+37"/>
        <location line="+8"/>
        <location line="+3"/>
        <source>Export Image</source>
        <extracomment>above this many companies + flows, the preview is drawn only on request</extracomment>
        <translation>画像を書き出し</translation>
    </message>
    <message>
        <location line="-218"/>
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
        <location line="+5"/>
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
        <location line="+82"/>
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
        <location filename="_runtime_strings.py" line="+16"/>
        <source>Valuation divided by revenue, when both are known.</source>
        <translation>企業価値を売上高で割った値 (両方が分かっている場合)。</translation>
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
        <location filename="../../editor/canvas/legend.py" line="+53"/>
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
    <name>Menus</name>
    <message>
        <location filename="../../editor/app/menus.py" line="+114"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Arrange</source>
        <translation>配置(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Align</source>
        <translation>整列(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Distribute</source>
        <translation>均等に配置(&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Size Companies &amp;By</source>
        <translation>企業の大きさ(&amp;B)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../editor/dialogs/messages.py" line="+20"/>
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
        <location line="+13"/>
        <source>… and {count} more (Show Details)</source>
        <translation>… ほか {count} 件 (詳細を表示)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
</context>
</TS>
