/// How the elements of an official document (公文) look, beyond body text and headings:
/// the `gongwen:` section of a style (templates/gongwen.yaml). Positions are GB/T 9704-2012's;
/// what the standard leaves open (the 发文机关标志's size, the red rule's thickness) is here.
public struct GongwenStyle: Sendable {
    /// The red of the 发文机关标志 and the separator (GB/T 9704 6.2: Y80% M80% in print).
    public var red: RGBColor
    /// 发文机关标志: 小标宋, red; a name too long for the text block is narrowed to fit it,
    /// as offices do (字符缩放), never shrunk in height. `linePitchPt` stacks joint issuers.
    public var masthead: TextStyle
    /// From the text block's top edge to the masthead's top (7.2.4: 35 mm).
    public var mastheadTopMm: Double
    /// The widest a masthead may be; a wider one is narrowed.
    public var mastheadMaxWidthMm: Double
    /// The separator (版头分隔线): its thickness (the standard gives none) and its distance
    /// below the 发文字号 (7.2.7: 4 mm).
    public var ruleWidthMm: Double
    public var ruleDropMm: Double
    /// 密级, 紧急程度 and the 附件N label: 3号黑体.
    public var label: TextStyle
    /// The 签发人's name: 3号楷体 (7.2.6).
    public var signer: TextStyle
    /// An attachment's title on its page's third line.
    public var attachmentTitle: TextStyle
    /// 版记 text (4号仿宋) and its rules: thick first and last, thin between (7.4.1).
    public var banji: TextStyle
    public var banjiThickMm: Double
    public var banjiThinMm: Double
    /// The seal (印章) the layout makes room for over 署名 and 成文日期.
    public var sealDiameterMm: Double
    /// Draw the seal's place as a thin dashed red circle (for proofs).
    public var sealOutline: Bool
}
