/// The native bid schema, `schemas/tender-bid-1.xsd`, carried in the binary so that it never depends on the
/// repository layout at run time. A test asserts that this text equals the file byte for byte; after changing
/// the schema, paste the file's text here and run `swift format` (the literal's indentation is not part of
/// the text).
enum EmbeddedSchema {
    static let text = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          tender-eval native bid format, version 1 (namespace urn:tender-eval:bid:1).
          XML Schema 1.0. Documented in docs/bid-format.md. The tender-eval binary carries an identical copy of
          this file (Sources/TenderIntake/Schema/EmbeddedSchema.swift); a test keeps the two byte-identical.
        -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:b="urn:tender-eval:bid:1"
                   targetNamespace="urn:tender-eval:bid:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">

          <!-- ===================== simple types ===================== -->

          <!-- Text that is not empty after white space is collapsed. -->
          <xs:simpleType name="text">
            <xs:restriction base="xs:token">
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- Money: a plain decimal numeral, at least 0, no sign, no exponent, at most 18 digits. -->
          <xs:simpleType name="money">
            <xs:restriction base="xs:decimal">
              <xs:pattern value="[0-9]+(\.[0-9]+)?"/>
              <xs:minInclusive value="0"/>
              <xs:totalDigits value="18"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- A calendar date written YYYY-MM-DD (no time zone). -->
          <xs:simpleType name="date">
            <xs:restriction base="xs:date">
              <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="currency">
            <xs:restriction base="xs:token">
              <xs:pattern value="[A-Z]{3}"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="enterprise-size">
            <xs:restriction base="xs:token">
              <xs:enumeration value="large"/>
              <xs:enumeration value="medium"/>
              <xs:enumeration value="small"/>
              <xs:enumeration value="micro"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="severity">
            <xs:restriction base="xs:token">
              <xs:enumeration value="major"/>
              <xs:enumeration value="minor"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="sha256">
            <xs:restriction base="xs:token">
              <xs:pattern value="[0-9a-f]{64}"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="percentage">
            <xs:restriction base="xs:decimal">
              <xs:pattern value="[0-9]+(\.[0-9]+)?"/>
              <xs:maxInclusive value="100"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- A fact value: a plain decimal numeral (optionally negative) or free text. -->
          <xs:simpleType name="fact-value">
            <xs:restriction base="xs:string">
              <xs:maxLength value="10000"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- ===================== the document ===================== -->

          <xs:element name="bid">
            <xs:complexType>
              <xs:all>
                <xs:element name="bidder" type="b:bidder"/>
                <xs:element name="price" type="b:price"/>
                <xs:element name="capability" type="b:capability" minOccurs="0"/>
                <xs:element name="quality" type="b:quality" minOccurs="0"/>
                <xs:element name="reputation" type="b:reputation" minOccurs="0"/>
                <xs:element name="commitments" type="b:commitments" minOccurs="0"/>
                <xs:element name="attachments" type="b:attachments" minOccurs="0"/>
                <xs:element name="facts" type="b:facts" minOccurs="0"/>
              </xs:all>
              <!-- The tender id the bid answers. -->
              <xs:attribute name="tender" type="b:text"/>
              <!-- Submission time, ISO 8601 date and time (used by the earliest-submission tie-break). -->
              <xs:attribute name="submitted" type="xs:dateTime"/>
            </xs:complexType>
          </xs:element>

          <!-- ===================== bidder ===================== -->

          <xs:complexType name="bidder">
            <xs:all>
              <xs:element name="name" type="b:text"/>
              <xs:element name="registration-id" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="b:text">
                      <!-- USCC (统一社会信用代码), VAT, DUNS, ... -->
                      <xs:attribute name="scheme" type="b:text"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="size" type="b:enterprise-size" minOccurs="0"/>
              <xs:element name="contact" minOccurs="0">
                <xs:complexType>
                  <xs:all>
                    <xs:element name="person" type="b:text" minOccurs="0"/>
                    <xs:element name="phone" type="b:text" minOccurs="0"/>
                    <xs:element name="email" type="b:text" minOccurs="0"/>
                  </xs:all>
                </xs:complexType>
              </xs:element>
              <xs:element name="address" type="b:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>

          <!-- ===================== price ===================== -->

          <xs:complexType name="price">
            <xs:sequence>
              <xs:element name="total" type="b:money"/>
              <xs:element name="line" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="b:money">
                      <xs:attribute name="item" type="b:text" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="currency" type="b:currency" use="required"/>
          </xs:complexType>

          <!-- ===================== capability ===================== -->

          <xs:complexType name="capability">
            <xs:all>
              <xs:element name="staff" minOccurs="0">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="person" type="b:person" minOccurs="0" maxOccurs="unbounded"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="equipment" minOccurs="0">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="item" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:simpleContent>
                          <xs:extension base="b:text">
                            <xs:attribute name="count" type="xs:positiveInteger" default="1"/>
                          </xs:extension>
                        </xs:simpleContent>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="spare-parts" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="stock-value" type="b:money"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="emergency-response" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="minutes" type="xs:nonNegativeInteger" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:all>
          </xs:complexType>

          <xs:complexType name="person">
            <xs:sequence>
              <xs:element name="name" type="b:text"/>
              <xs:element name="qualification" type="b:text" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="years-experience" type="xs:nonNegativeInteger" minOccurs="0"/>
              <!-- A direct phone number; given for the project manager, it is compared across bidders (collusion). -->
              <xs:element name="phone" type="b:text" minOccurs="0"/>
            </xs:sequence>
            <xs:attribute name="role" type="b:text"/>
          </xs:complexType>

          <!-- ===================== quality ===================== -->

          <xs:complexType name="quality">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="certification">
                <xs:complexType>
                  <xs:attribute name="standard" type="b:text" use="required"/>
                  <xs:attribute name="number" type="b:text"/>
                  <xs:attribute name="valid-until" type="b:date"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="association-rating">
                <xs:complexType>
                  <xs:attribute name="grade" type="b:text" use="required"/>
                  <xs:attribute name="issuer" type="b:text"/>
                </xs:complexType>
              </xs:element>
            </xs:choice>
          </xs:complexType>

          <!-- ===================== reputation ===================== -->

          <xs:complexType name="reputation">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="past-contract">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="client" type="b:text" use="required"/>
                      <xs:attribute name="year" type="xs:gYear"/>
                      <xs:attribute name="value" type="b:money"/>
                      <xs:attribute name="satisfaction" type="b:percentage"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="violation">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="b:text">
                      <xs:attribute name="date" type="b:date" use="required"/>
                      <xs:attribute name="severity" type="b:severity" use="required"/>
                      <xs:attribute name="authority" type="b:text"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:choice>
          </xs:complexType>

          <!-- ===================== commitments ===================== -->

          <xs:complexType name="commitments">
            <xs:sequence>
              <xs:element name="commitment" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <!-- technical-service | confidentiality | integrity | any kind a rubric asks for -->
                      <xs:attribute name="kind" type="b:text" use="required"/>
                      <xs:attribute name="signed" type="b:date"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>

          <!-- ===================== attachments ===================== -->

          <xs:complexType name="attachments">
            <xs:sequence>
              <xs:element name="attachment" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="name" type="b:text" use="required"/>
                  <xs:attribute name="type" type="b:text"/>
                  <xs:attribute name="sha256" type="b:sha256"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>

          <!-- ===================== free-form facts ===================== -->

          <!-- Named values a rubric can read that have no element of their own: <fact name="vehicles">12</fact>. -->
          <xs:complexType name="facts">
            <xs:sequence>
              <xs:element name="fact" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="b:fact-value">
                      <xs:attribute name="name" type="b:text" use="required"/>
                      <xs:attribute name="unit" type="b:text"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>
        </xs:schema>

        """#
}
